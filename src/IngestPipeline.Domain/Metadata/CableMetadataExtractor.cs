namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Reads a cable's metadata from its OCR text (lines separated by '\n'; a form feed between pages is
/// allowed). Pure: the same text always gives the same answer, and nothing absent is made up.
/// </summary>
public static class CableMetadataExtractor
{
    public static CableMetadata Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var layout = CableLayout.Of(text);
        var header = HeaderReader.Read(layout.HeaderLines.ToList());
        var signature = Signature.Read(layout);
        return new CableMetadata
        {
            DocumentType = header.DocumentType,
            Origin = header.Origin,
            Date = header.Date,
            Time = header.Time,
            ReceivedDate = header.ReceivedDate,
            ReceivedTime = header.ReceivedTime,
            Sender = header.Sender ?? SenderFromSignature(header.DocumentType, signature),
            Recipients = header.Recipients,
            Classification = header.Classification,
            TelegramNumber = TelegramNumber(layout),
            FileNumber = header.FileNumber,
            Signature = signature,
            PlaceGlosses = PlaceGlosses.Find(layout.Lines),
        };
    }

    /// <summary>
    /// A TELEGRAM RECEIVED header names only the place it came from; the one who sent it signs at the end.
    /// For other documents without a named sender the signature is a weaker guess (it may be a clerk's).
    /// </summary>
    private static MetadataField<string>? SenderFromSignature(MetadataField<string>? type, MetadataField<string>? signature)
    {
        if (signature is null) return null;
        return type?.Value == "TELEGRAM RECEIVED" ? signature : signature with { Confidence = Math.Min(signature.Confidence, Certainty.Weak) };
    }

    /// <summary>"1116. Embassy's 1087, July 4" -> 1116; "Delga 681." keeps its series; "110600Z." is a navy date-time group.</summary>
    private static MetadataField<string>? TelegramNumber(CableLayout layout)
    {
        if (layout.BodyStart < 0) return null;
        var line = layout.Lines[layout.BodyStart];
        var match = CableLayout.BodyOpening().Match(line);
        if (!match.Success) return null;

        var token = match.Groups["number"].Value;
        var dateTimeGroup = token.EndsWith('Z');
        if (OcrNumbers.Token(dateTimeGroup ? token[..^1] : token, out var repaired) is not { } digits) return null;
        if (dateTimeGroup ? digits.Length != 6 : digits.Length > 5) return null;

        var series = match.Groups["series"].Value;
        var value = (series.Length > 0 ? series + " " : "") + digits + (dateTimeGroup ? "Z" : "");
        var certainty = Certainty.Exact;
        if (repaired) certainty = Math.Min(certainty, Certainty.Repaired);
        if (match.Groups["stop"].Value != ".") certainty = Math.Min(certainty, Certainty.OneEdit);
        if (series.Length > 0 || dateTimeGroup) certainty = Math.Min(certainty, Certainty.Cleaned);
        // A single digit may be the paragraph number of a body that has no telegram number.
        if (digits.Length == 1) certainty = Math.Min(certainty, Certainty.Weak);
        return new MetadataField<string>(value, certainty, line);
    }
}
