/**
 * Real-world name pairs: how a child's name is written in Bangla, and how it is spelled in
 * Latin script on documents, helpline logs and NGO registers. Cross-script search must find
 * each in both directions. Kept as data beside the test that uses it.
 */
export const NAME_PAIRS: ReadonlyArray<[string, string]> = [
  ['মোহাম্মদ রফিক', 'Mohammad Rafiq'], ['মোহাম্মদ রফিক', 'Md Rafik'], ['মোহাম্মদ রফিক', 'Muhammad Rofiq'], ['মোঃ রফিক', 'Mohammad Rafiq'],
  ['মোছাঃ ফাতেমা খাতুন', 'Mst Fatema Khatun'], ['ফাতেমা খাতুন', 'Fatima Khatoon'], ['নাসরিন আক্তার', 'Nasrin Akhter'], ['নাসরিন আক্তার', 'Nasreen Aktar'],
  ['রহিমা বেগম', 'Rahima Begum'], ['রহিমা বেগম', 'Rohima Begom'], ['আব্দুল করিম', 'Abdul Karim'], ['আব্দুল করিম', 'Abdul Korim'],
  ['জাহিদ হাসান', 'Zahid Hasan'], ['জাহিদ হাসান', 'Jahid Hassan'], ['তানভীর আহমেদ চৌধুরী', 'Tanvir Ahmed Chowdhury'], ['তানভীর আহমেদ চৌধুরী', 'Tanveer Ahmad Chaudhuri'],
  ['শারমিন সুলতানা', 'Sharmin Sultana'], ['শারমিন সুলতানা', 'Sarmin Sultana'], ['হাবিবুর রহমান', 'Habibur Rahman'], ['হাবিবুর রহমান', 'Hobibur Rohman'],
  ['মাহমুদুল হাসান', 'Mahmudul Hasan'], ['নুসরাত জাহান', 'Nusrat Jahan'], ['নুসরাত জাহান', 'Nushrat Jahan'], ['সাদিয়া ইসলাম', 'Sadia Islam'],
  ['সাদিয়া ইসলাম', 'Sadiya Islam'], ['রুবেল মিয়া', 'Rubel Mia'], ['রুবেল মিয়া', 'Rubel Miah'], ['সোহেল রানা', 'Sohel Rana'],
  ['সোহেল রানা', 'Shohel Rana'], ['আয়েশা সিদ্দিকা', 'Ayesha Siddika'], ['আয়েশা সিদ্দিকা', 'Aisha Siddiqa'], ['কামরুন নাহার', 'Kamrun Nahar'],
  ['মরিয়ম আক্তার', 'Mariam Akter'], ['মরিয়ম আক্তার', 'Moriom Aktar'], ['শফিকুল ইসলাম', 'Shafiqul Islam'], ['শফিকুল ইসলাম', 'Safikul Islam'],
  ['আনোয়ার হোসেন', 'Anwar Hossain'], ['আনোয়ার হোসেন', 'Anowar Hosen'], ['জান্নাতুল ফেরদৌস', 'Jannatul Ferdous'], ['জান্নাতুল ফেরদৌস', 'Zannatul Ferdaus'],
  ['মিজানুর রহমান', 'Mizanur Rahman'], ['মিজানুর রহমান', 'Mijanur Rahaman'], ['শেখ সাকিব', 'Sheikh Sakib'], ['শেখ সাকিব', 'Sk Shakib'],
  ['ইমরান খান', 'Imran Khan'], ['ইমরান খান', 'Emran Khan'], ['রেহানা পারভীন', 'Rehana Parvin'], ['রেহানা পারভীন', 'Rehana Parveen'],
  ['দীপংকর দাস', 'Dipankar Das'], ['দীপংকর দাস', 'Dipongkor Das'], ['মৌসুমী সরকার', 'Mousumi Sarkar'], ['মৌসুমী সরকার', 'Moushumi Sorkar'],
  ['আলমগীর কবির', 'Alamgir Kabir'], ['আলমগীর কবির', 'Alomgir Kobir'], ['খাদিজা বেগম', 'Khadija Begum'], ['খাদিজা বেগম', 'Khadiza Begom'],
];
