using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Infrastructure.State;

namespace IngestPipeline.Pipeline.Review;

/// <summary>
/// The document's columns that follow its current transcript: the transcript, its text, its flags, and what lists
/// show and searches filter by (date, sender, addressees, classification, subject). The search index follows these
/// columns by itself (triggers in SQLite, a generated column in PostgreSQL). Written wherever the transcript changes (cleaning, a reviewer's version, a restore).
/// </summary>
public static class TranscriptColumns
{
    public static void Write(Document document, Transcript transcript)
    {
        document.TranscriptJson = JsonExporter.Write(transcript);
        document.Text = PlainTextExporter.Write(transcript, TextLayout.Paragraphs);
        document.FlagCount = ReviewSheet.FlagCount(transcript);
        var summary = CableSummary.Of(transcript.Metadata, PlainTextExporter.Write(transcript));
        document.Dated = Clip(summary.Dated, 40);
        document.Sender = Clip(summary.Sender, 200);
        document.Recipients = Clip(summary.Recipients, 300);
        document.Classification = Clip(summary.Classification, 40);
        document.Subject = Clip(summary.Subject, 300);
    }

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
