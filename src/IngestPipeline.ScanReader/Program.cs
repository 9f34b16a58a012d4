using IngestPipeline.Ocr.Imaging;

return PdfReaderChild.Run(args, Console.OpenStandardInput(), Console.OpenStandardOutput());
