return await IngestPipeline.Cli.CliApp.RunAsync(args);
