using TechTies.Cli;

using var signals = Interruption.Register();
return CliApp.Run(args, Console.Out, Console.Error);
