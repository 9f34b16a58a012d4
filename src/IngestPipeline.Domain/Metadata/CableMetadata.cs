namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// What the header and signature of one cable say. A field the text does not state is null: nothing is
/// guessed. Dates are ISO 8601 (yyyy-MM-dd), times 24-hour "HH:mm" ("noon" is 12:00, "midnight" 24:00,
/// the end of the dated day, so the date stays the one typed).
/// </summary>
public sealed record CableMetadata
{
    /// <summary>A title for catalogues; never extracted, only given by a reviewer.</summary>
    public MetadataField<string>? Title { get; init; }

    /// <summary>Canonical form, e.g. "TELEGRAM RECEIVED", "PARAPHRASE OF NAVY CABLE", "RADIOGRAM".</summary>
    public MetadataField<string>? DocumentType { get; init; }

    /// <summary>The place the cable was sent from, as typed ("MOSCOW", "Chungking").</summary>
    public MetadataField<string>? Origin { get; init; }

    /// <summary>The date the cable was dated (the "Dated" line wins over every other date).</summary>
    public MetadataField<string>? Date { get; init; }

    /// <summary>The time of day on the dated line, when one is typed.</summary>
    public MetadataField<string>? Time { get; init; }

    /// <summary>From the "Rec'd" line; a missing year is taken from the dated year, a missing day is not guessed.</summary>
    public MetadataField<string>? ReceivedDate { get; init; }

    public MetadataField<string>? ReceivedTime { get; init; }

    /// <summary>
    /// Who sent it: the header's "FROM ... TO" person or office; for a TELEGRAM RECEIVED, whose header only
    /// names a place, the signature.
    /// </summary>
    public MetadataField<string>? Sender { get; init; }

    /// <summary>The addressees, one entry each ("THE PRESIDENT AND THE SECRETARY OF STATE" gives two).</summary>
    public MetadataField<IReadOnlyList<string>>? Recipients { get; init; }

    /// <summary>"TOP SECRET", "SECRET", "CONFIDENTIAL" or "RESTRICTED", only from a header line of its own.</summary>
    public MetadataField<string>? Classification { get; init; }

    /// <summary>The number that opens the body ("1116"), with a series word when typed ("Delga 681").</summary>
    public MetadataField<string>? TelegramNumber { get; init; }

    /// <summary>The State Department decimal file number ("740.0011 Pacific War/2428").</summary>
    public MetadataField<string>? FileNumber { get; init; }

    /// <summary>The signature: the closing line of capitals ("GAUSS"), whatever the document type.</summary>
    public MetadataField<string>? Signature { get; init; }

    /// <summary>Editorial place glosses anywhere in the text, in reading order.</summary>
    public IReadOnlyList<MetadataField<PlaceGloss>> PlaceGlosses { get; init; } = [];
}
