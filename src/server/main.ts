#!/usr/bin/env node
// The `ncpp` command (bin/ncpp.js loads this): parse the arguments and run the command.
import { fail, program } from './cli.js';

program.parseAsync(process.argv).catch(fail);
