namespace IngestPipeline.Contracts;

// The messages that move a document between stages. They carry ids only: the scan, the pages and the results
// live in blob storage and the database, so a message stays small and a redelivered one is harmless.
// Commands are imperative (one consumer does the work); events are past tense (anyone may listen).

/// <summary>Find the registered document's pages and queue each for recognition.</summary>
public sealed record SplitDocument(Guid DocumentId);

/// <summary>Decode, clean and recognise one page of a document (numbered from 1).</summary>
public sealed record RecognizePage(Guid DocumentId, int PageNumber);

/// <summary>Every page is recognised: clean the transcript, extract metadata, queue it for review.</summary>
public sealed record CleanDocument(Guid DocumentId);

/// <summary>The document's transcript is in the review queue.</summary>
public sealed record DocumentAwaitingReview(Guid DocumentId);

/// <summary>The document cannot be processed; <paramref name="Reason"/> says why in words staff understand.</summary>
public sealed record DocumentFailed(Guid DocumentId, string Reason);

/// <summary>A reviewer approved <paramref name="Version"/> of the document: write its outputs.</summary>
public sealed record PublishDocument(Guid DocumentId, int Version);
