namespace IngestPipeline.Contracts;

// The messages that move a document between stages. They carry ids only: the scan, the pages and the results
// live in blob storage and the database, so a message stays small and a redelivered one is harmless.
// Each is a command to one stage's queue (one consumer does the work), saved with the change of state that calls
// for it and sent from the outbox.

/// <summary>Find the registered document's pages and queue each for recognition.</summary>
public sealed record SplitDocument(Guid DocumentId);

/// <summary>Decode, clean and recognise one page of a document (numbered from 1).</summary>
public sealed record RecognizePage(Guid DocumentId, int PageNumber);

/// <summary>Every page is recognised: clean the transcript, extract metadata, queue it for review.</summary>
public sealed record CleanDocument(Guid DocumentId);

/// <summary>A reviewer approved <paramref name="Version"/> of the document: write its outputs.</summary>
public sealed record PublishDocument(Guid DocumentId, int Version);
