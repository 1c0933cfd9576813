// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli;

return PorSetupCommand.Create().Parse(args).Invoke();
