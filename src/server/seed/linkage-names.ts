/**
 * Names for the labelled linkage generator: how they are written in Bangla and the Latin
 * spelling most often seen on documents (the generator adds the other spellings). Listed
 * roughly from common to rare; the generator draws them with a power law, so "Akter" and
 * "Sumi" repeat the way they do in a real register.
 */
export type NamePair = readonly [bangla: string, latin: string];

export const GIVEN_FEMALE: readonly NamePair[] = [
  ['সুমি', 'Sumi'], ['মিম', 'Mim'], ['তানিয়া', 'Tania'], ['নুসরাত', 'Nusrat'], ['সাদিয়া', 'Sadia'], ['ফাতেমা', 'Fatema'], ['মরিয়ম', 'Moriom'],
  ['শারমিন', 'Sharmin'], ['লাবণী', 'Laboni'], ['রুমানা', 'Rumana'], ['জান্নাতুল', 'Jannatul'], ['তাসলিমা', 'Taslima'], ['রেহানা', 'Rehana'],
  ['শিরিন', 'Shirin'], ['আয়েশা', 'Ayesha'], ['মৌসুমী', 'Mousumi'], ['পপি', 'Popy'], ['রিয়া', 'Riya'], ['সুমাইয়া', 'Sumaiya'], ['খাদিজা', 'Khadija'],
  ['মিথিলা', 'Mithila'], ['তামান্না', 'Tamanna'], ['নাজমা', 'Nazma'], ['রুবিনা', 'Rubina'], ['শাহানা', 'Shahana'], ['সালমা', 'Salma'], ['হালিমা', 'Halima'],
  ['আসমা', 'Asma'], ['রোকসানা', 'Roksana'], ['ফারজানা', 'Farzana'], ['নাসরিন', 'Nasrin'], ['মাহফুজা', 'Mahfuza'], ['সুরাইয়া', 'Suraiya'], ['জেসমিন', 'Jesmin'],
  ['শাপলা', 'Shapla'], ['বৃষ্টি', 'Brishti'], ['মুক্তা', 'Mukta'], ['শিউলি', 'Shiuli'], ['রাবেয়া', 'Rabeya'], ['কুলসুম', 'Kulsum'], ['আমেনা', 'Amena'],
  ['মাহমুদা', 'Mahmuda'], ['নাদিয়া', 'Nadia'], ['ইশরাত', 'Ishrat'], ['তাহমিনা', 'Tahmina'], ['সেলিনা', 'Selina'], ['মনিরা', 'Monira'], ['শাহনাজ', 'Shahnaz'],
  ['ঝুমা', 'Jhuma'], ['লিপি', 'Lipi'], ['শম্পা', 'Shompa'], ['রত্না', 'Ratna'], ['দিপা', 'Dipa'], ['পূজা', 'Puja'], ['প্রিয়াঙ্কা', 'Priyanka'], ['অনন্যা', 'Ananya'],
  ['সুচিত্রা', 'Suchitra'], ['মিতু', 'Mitu'], ['মুন্নী', 'Munni'], ['সোনিয়া', 'Sonia'], ['আঁখি', 'Akhi'], ['জুঁই', 'Jui'], ['বিথী', 'Bithi'], ['ইতি', 'Iti'],
  ['তন্বী', 'Tonni'], ['নিশাত', 'Nishat'], ['আফসানা', 'Afsana'], ['মারিয়া', 'Maria'], ['হাবিবা', 'Habiba'], ['সাবিনা', 'Sabina'], ['রাশিদা', 'Rashida'],
  ['নূরজাহান', 'Nurjahan'], ['সুলতানা', 'Sultana'], ['জাকিয়া', 'Zakia'], ['তাহসিন', 'Tahsin'], ['আরিফা', 'Arifa'], ['শামীমা', 'Shamima'], ['মাসুমা', 'Masuma'],
  ['সাথী', 'Sathi'], ['কাকলী', 'Kakoli'], ['মায়া', 'Maya'], ['পারভীন', 'Parvin'], ['ফেরদৌসী', 'Ferdousi'], ['নাজনীন', 'Naznin'], ['শারমিলা', 'Sharmila'],
  ['উম্মে', 'Umme'], ['হুমায়রা', 'Humaira'], ['মেহজাবিন', 'Mehjabin'], ['রাইসা', 'Raisa'], ['আনিকা', 'Anika'], ['লামিয়া', 'Lamia'], ['তাসনিম', 'Tasnim'],
  ['সানজিদা', 'Sanjida'], ['মাহিয়া', 'Mahia'], ['আদিবা', 'Adiba'], ['জারিন', 'Zarin'], ['নওরীন', 'Nowrin'], ['মেঘলা', 'Meghla'], ['শ্রাবন্তী', 'Srabonti'],
];

export const GIVEN_MALE: readonly NamePair[] = [
  ['রফিক', 'Rafiq'], ['করিম', 'Karim'], ['রহিম', 'Rahim'], ['জাহিদ', 'Jahid'], ['শাকিল', 'Shakil'], ['রাকিব', 'Rakib'], ['সোহেল', 'Sohel'],
  ['আরিফ', 'Arif'], ['হাবিব', 'Habib'], ['মামুন', 'Mamun'], ['সাকিব', 'Sakib'], ['রুবেল', 'Rubel'], ['সজীব', 'Sojib'], ['তানভীর', 'Tanvir'],
  ['ইমরান', 'Imran'], ['নাঈম', 'Naim'], ['হৃদয়', 'Hridoy'], ['আলমগীর', 'Alamgir'], ['জুয়েল', 'Jewel'], ['মাসুদ', 'Masud'], ['রাসেল', 'Rasel'],
  ['শাহীন', 'Shahin'], ['মিজান', 'Mizan'], ['কামাল', 'Kamal'], ['জামাল', 'Jamal'], ['বাবুল', 'Babul'], ['সুমন', 'Sumon'], ['রিপন', 'Ripon'],
  ['শিপন', 'Shipon'], ['লিটন', 'Liton'], ['মিলন', 'Milon'], ['রাজু', 'Raju'], ['সাগর', 'Sagor'], ['শামীম', 'Shamim'], ['আনোয়ার', 'Anwar'],
  ['মনির', 'Monir'], ['নাসির', 'Nasir'], ['ফারুক', 'Faruk'], ['হাসান', 'Hasan'], ['হোসাইন', 'Hossain'], ['সাইফুল', 'Saiful'], ['শফিকুল', 'Shafiqul'],
  ['রফিকুল', 'Rafiqul'], ['আমিনুল', 'Aminul'], ['মাহমুদুল', 'Mahmudul'], ['হাবিবুর', 'Habibur'], ['মিজানুর', 'Mizanur'], ['আতিকুর', 'Atikur'],
  ['মাহবুব', 'Mahbub'], ['তারেক', 'Tarek'], ['ফাহিম', 'Fahim'], ['তামিম', 'Tamim'], ['আবির', 'Abir'], ['আসিফ', 'Asif'], ['রিয়াদ', 'Riyad'],
  ['ইয়াসিন', 'Yasin'], ['ইব্রাহিম', 'Ibrahim'], ['ইসমাইল', 'Ismail'], ['ইউসুফ', 'Yusuf'], ['আবদুল্লাহ', 'Abdullah'], ['আব্দুর', 'Abdur'],
  ['জসিম', 'Jasim'], ['সেলিম', 'Selim'], ['হারুন', 'Harun'], ['মোস্তফা', 'Mostofa'], ['আলী', 'Ali'], ['নূর', 'Nur'], ['শুভ', 'Shuvo'],
  ['দীপংকর', 'Dipankar'], ['প্রদীপ', 'Prodip'], ['সুজন', 'Sujon'], ['বিপ্লব', 'Biplob'], ['অমিত', 'Amit'], ['রাহুল', 'Rahul'], ['সৌরভ', 'Sourav'],
  ['অর্জুন', 'Arjun'], ['গোপাল', 'Gopal'], ['শ্যামল', 'Shyamol'], ['তপন', 'Topon'], ['নয়ন', 'Noyon'], ['রনি', 'Roni'], ['সবুজ', 'Sobuj'],
  ['আকাশ', 'Akash'], ['বাদল', 'Badol'], ['মানিক', 'Manik'], ['রতন', 'Roton'], ['জীবন', 'Jibon'], ['রাজিব', 'Rajib'], ['তুহিন', 'Tuhin'],
  ['নাহিদ', 'Nahid'], ['সিয়াম', 'Siam'], ['রায়হান', 'Raihan'], ['মেহেদী', 'Mehedi'], ['ফয়সাল', 'Faisal'], ['আরাফাত', 'Arafat'], ['জুবায়ের', 'Zubayer'],
  ['ওমর', 'Omar'], ['বেলাল', 'Belal'], ['খালিদ', 'Khalid'], ['মুনির', 'Munir'], ['আজিজ', 'Aziz'], ['রাশেদ', 'Rashed'], ['সাব্বির', 'Sabbir'],
];

/** Family names (surnames or second names), by sex of the bearer. */
export const FAMILY_FEMALE: readonly NamePair[] = [
  ['আক্তার', 'Akter'], ['খাতুন', 'Khatun'], ['বেগম', 'Begum'], ['ইসলাম', 'Islam'], ['সুলতানা', 'Sultana'], ['জাহান', 'Jahan'], ['আক্তারী', 'Akhtari'],
  ['পারভীন', 'Parvin'], ['নাহার', 'Nahar'], ['ইয়াসমিন', 'Yasmin'], ['রহমান', 'Rahman'], ['চৌধুরী', 'Chowdhury'], ['সরকার', 'Sarkar'], ['দাস', 'Das'],
  ['রায়', 'Roy'], ['মন্ডল', 'Mondol'], ['হক', 'Hoque'], ['আলম', 'Alam'], ['শিকদার', 'Sikder'], ['তালুকদার', 'Talukder'],
];

export const FAMILY_MALE: readonly NamePair[] = [
  ['ইসলাম', 'Islam'], ['রহমান', 'Rahman'], ['হোসেন', 'Hossain'], ['আহমেদ', 'Ahmed'], ['মিয়া', 'Mia'], ['উদ্দিন', 'Uddin'], ['আলম', 'Alam'],
  ['হক', 'Hoque'], ['চৌধুরী', 'Chowdhury'], ['সরকার', 'Sarkar'], ['দাস', 'Das'], ['শেখ', 'Sheikh'], ['মন্ডল', 'Mondol'], ['রায়', 'Roy'],
  ['খান', 'Khan'], ['ভূঁইয়া', 'Bhuiyan'], ['মোল্লা', 'Molla'], ['প্রামানিক', 'Pramanik'], ['শিকদার', 'Sikder'], ['তালুকদার', 'Talukder'],
  ['বিশ্বাস', 'Biswas'], ['পাল', 'Paul'], ['কবির', 'Kabir'], ['হাসান', 'Hasan'], ['আলী', 'Ali'], ['করিম', 'Karim'], ['মাহমুদ', 'Mahmud'],
];

export const PREFIX_MALE: NamePair = ['মোঃ', 'Md'];
export const PREFIX_FEMALE: NamePair = ['মোছাঃ', 'Mst'];
/** How a prefix is written in Latin script on different papers. */
export const PREFIX_SPELLINGS: Record<string, readonly string[]> = { Md: ['Md', 'Md.', 'Mohammad', 'Muhammad', 'Mohd'], Mst: ['Mst', 'Mst.', 'Most', 'Mosammat'] };
