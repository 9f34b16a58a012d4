using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Reads the header lines one by one, each by the first rule that claims it: document type (top lines
/// only), classification, file number, FROM / TO / Dated / Rec'd, a date line; then a two-line address
/// block ("Secretary of State, / Washington.") among the lines left over.
/// </summary>
internal sealed partial class HeaderReader
{
    // Where a date came from, best first: an explicit "Dated" beats a bare date line, which beats the
    // date in the title, which beats a date somewhere else in the header.
    // Received is kept apart and never competes for the cable's date.
    private enum DateSource { Dated, DateLine, Title, Elsewhere, Received }

    private readonly string[] raw;      // as read: the Source a reviewer sees
    private readonly string[] lines;    // cleaned of specks at the ends: what the rules parse
    private readonly bool[] noisy;      // specks were dropped, so whatever the line gives is less sure
    private readonly bool[] claimed;

    // A date as read, with the text after it where a time of day may follow.
    private sealed record DateCandidate(DateSource Source, DateHit? Hit, double Certainty, string Line, string After);

    private readonly List<DateCandidate> dates = [];
    private DateCandidate? received;

    public MetadataField<string>? DocumentType { get; private set; }
    public MetadataField<string>? Origin { get; private set; }
    public MetadataField<string>? Sender { get; private set; }
    public MetadataField<IReadOnlyList<string>>? Recipients { get; private set; }
    public MetadataField<string>? Classification { get; private set; }
    public MetadataField<string>? FileNumber { get; private set; }
    public MetadataField<string>? Date { get; private set; }
    public MetadataField<string>? Time { get; private set; }
    public MetadataField<string>? ReceivedDate { get; private set; }
    public MetadataField<string>? ReceivedTime { get; private set; }

    // The title names its origin after FROM: "PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945".
    [GeneratedRegex(@"\s+F[RP][O0]M:?\s+")]
    private static partial Regex TitleFrom();

    [GeneratedRegex(@"^[\p{L}][\p{L} .'’()-]*[,.]?$")]
    private static partial Regex AddressName();

    private HeaderReader(IReadOnlyList<string> rawLines)
    {
        raw = rawLines.ToArray();
        noisy = new bool[raw.Length];
        lines = raw.Select((l, i) => HeaderLine.Clean(l, out noisy[i])).ToArray();
        claimed = new bool[raw.Length];
    }

    public static HeaderReader Read(IReadOnlyList<string> lines)
    {
        var reader = new HeaderReader(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!reader.claimed[i]) reader.claimed[i] = reader.ReadLine(i);
        }
        reader.ReadAddressBlock();
        reader.ReadDatesElsewhere();
        reader.ResolveDates();
        return reader;
    }

    private bool ReadLine(int i)
    {
        var line = lines[i];
        if (line.Length == 0) return false;
        // Stray marks can stand above the title, so it may be any of the first three lines.
        if (i < 3 && DocumentType is null && ReadTitle(i)) return true;

        if (HeaderTerms.Classification(line) is { } classification)
        {
            Classification ??= new(classification.Classification, Sure(i, classification.Certainty), raw[i]);
            return true;
        }
        if (HeaderTerms.FileNumber(line) is { } file)
        {
            FileNumber ??= new(file.FileNumber, Sure(i, file.Certainty), raw[i]);
            return true;
        }
        if (HeaderTerms.Keyword(line) is { } keyword)
        {
            ReadKeywordLine(i, keyword);
            return true;
        }
        if (DateAtStart(line) is { } hit)
        {
            dates.Add(new(DateSource.DateLine, hit.Hit, Sure(i, hit.Certainty), raw[i], line[hit.Hit.End..]));
            return true;
        }
        return false;
    }

    private bool ReadTitle(int i)
    {
        var line = lines[i];
        var from = TitleFrom().Match(line);
        var name = from.Success ? line[..from.Index] : line;
        if (HeaderTerms.DocumentType(name) is not { } type) return false;
        DocumentType = new(type.Type, Sure(i, type.Certainty), raw[i]);
        if (!from.Success) return true;

        var rest = line[(from.Index + from.Length)..];
        var date = CableDates.Find(rest);
        if (date is not null) dates.Add(new(DateSource.Title, date, Sure(i, Math.Min(type.Certainty, date.Certainty)), raw[i], rest[date.End..]));
        var place = Addressees.Tidy(date is null ? rest : rest[..date.Index], out var cleaned);
        if (Addressees.IsPlace(place)) Origin ??= new(place, Sure(i, Math.Min(type.Certainty, cleaned ? Certainty.Cleaned : Certainty.Exact)), raw[i]);
        return true;
    }

    private void ReadKeywordLine(int i, KeywordLine keyword)
    {
        var line = raw[i];
        keyword = keyword with { Certainty = Sure(i, keyword.Certainty) };
        switch (keyword.Keyword)
        {
            case HeaderKeyword.From when Addressees.ReadFrom(keyword.Rest, keyword.Colon) is { } from:
                var certainty = Math.Min(keyword.Certainty, from.Certainty);
                if (from.Origin is not null) Origin ??= new(from.Origin, certainty, line);
                if (from.Sender is not null) Sender ??= new(from.Sender, certainty, line);
                if (from.InlineRecipients is not null) SetRecipients(from.InlineRecipients, certainty, line);
                if (from.RecipientsFollow) ReadFollowingRecipients(i, certainty);
                break;
            case HeaderKeyword.To:
                var to = Addressees.Tidy(keyword.Rest, out var cleaned);
                if (to.Length > 0) SetRecipients(to, Math.Min(keyword.Certainty, cleaned ? Certainty.Cleaned : Certainty.Exact), line);
                break;
            case HeaderKeyword.Dated when CableDates.Find(keyword.Rest) is { } dated:
                dates.Add(new(DateSource.Dated, dated, Math.Min(keyword.Certainty, dated.Certainty), line, keyword.Rest[dated.End..]));
                break;
            case HeaderKeyword.Received:
                // "Rec'd May 6, 8:50 a.m." or only "Rec'd 9:25 p.m.": the day is not guessed when it is not typed.
                var hit = CableDates.Find(keyword.Rest, yearOptional: true);
                received ??= new(DateSource.Received, hit, Math.Min(keyword.Certainty, hit?.Certainty ?? Certainty.Exact), line,
                    hit is null ? keyword.Rest : keyword.Rest[hit.End..]);
                break;
        }
    }

    /// <summary>"FROM W. A. HARRIMAN TO" / "THE PRESIDENT AND THE SECRETARY OF STATE": up to two lines in capitals.</summary>
    private void ReadFollowingRecipients(int from, double certainty)
    {
        var taken = new List<int>();
        for (var j = from + 1; j < lines.Length && taken.Count < 2; j++)
        {
            if (IsFieldLine(lines[j]) || !HeaderLine.MostlyCapitals(lines[j])) break;
            taken.Add(j);
        }
        if (taken.Count == 0) return;
        foreach (var j in taken) claimed[j] = true;
        SetRecipients(string.Join(' ', taken.Select(j => lines[j])), taken.Aggregate(certainty, (c, j) => Sure(j, c)), string.Join('\n', taken.Select(j => raw[j])));
    }

    /// <summary>The TELEGRAM RECEIVED address: "Secretary of State," over "Washington."; the city is not an addressee.</summary>
    private void ReadAddressBlock()
    {
        if (Recipients is not null) return;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (claimed[i] || claimed[i + 1]) continue;
            string name = lines[i], city = lines[i + 1];
            if (!AddressName().IsMatch(name) || !Addressees.IsPlace(Addressees.Tidy(city, out _))) continue;
            // The typed block ends the name with a comma and the city with a stop; with neither, two
            // leftover lines are too weak a sign.
            var marks = (name.EndsWith(',') ? 1 : 0) + (city.EndsWith('.') ? 1 : 0);
            if (marks == 0) continue;
            claimed[i] = claimed[i + 1] = true;
            var certainty = Sure(i + 1, Sure(i, marks == 2 ? Certainty.Exact : Certainty.Cleaned));
            SetRecipients(Addressees.Tidy(name, out _), certainty, raw[i] + "\n" + raw[i + 1]);
            return;
        }
    }

    private void ReadDatesElsewhere()
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!claimed[i] && CableDates.Find(lines[i]) is { } hit)
                dates.Add(new(DateSource.Elsewhere, hit, Math.Min(hit.Certainty, Certainty.Weak), raw[i], lines[i][hit.End..]));
        }
    }

    private void ResolveDates()
    {
        // OrderBy is stable: among dates of the same rank the first in the header wins.
        var best = dates.OrderBy(d => d.Source).FirstOrDefault();
        int? datedYear = best?.Hit?.Year, datedMonth = best?.Hit?.Month;
        if (best is { Hit: { Year: { } year } hit })
        {
            Date = new(hit.Iso(year), best.Certainty, best.Line);
            if (CableDates.TimeAtStart(best.After) is { } time)
                Time = new(time.Value, Math.Min(best.Certainty, time.Certainty), best.Line);
        }

        if (received is null) return;
        if (CableDates.TimeAtStart(received.After) is { } receivedTime)
            ReceivedTime = new(receivedTime.Value, Math.Min(received.Certainty, receivedTime.Certainty), received.Line);
        if (received.Hit is not { } day) return;
        if (day.Year is { } typedYear)
        {
            ReceivedDate = new(day.Iso(typedYear), received.Certainty, received.Line);
        }
        else if (datedYear is { } y && datedMonth is { } m && best is not null)
        {
            // Received in the dated year, or the next one when the month wraps (dated December, received January).
            var inferred = y + (day.Month < m ? 1 : 0);
            if (day.Day <= DateTime.DaysInMonth(inferred, day.Month))
                ReceivedDate = new(day.Iso(inferred), Math.Min(received.Certainty, Certainty.Inferred), received.Line + "\n" + best.Line);
        }
    }

    private void SetRecipients(string addressees, double certainty, string source)
    {
        var list = Addressees.Split(addressees);
        if (list.Count > 0) Recipients ??= new(list, certainty, source);
    }

    private static (DateHit Hit, double Certainty)? DateAtStart(string line)
    {
        if (CableDates.Find(line) is not { } hit) return null;
        var before = line[..hit.Index];
        if (before.Any(char.IsLetterOrDigit)) return null;
        return (hit, before.Length > 0 ? Math.Min(hit.Certainty, Certainty.Cleaned) : hit.Certainty);
    }

    private static bool IsFieldLine(string line) =>
        HeaderTerms.Classification(line) is not null || HeaderTerms.FileNumber(line) is not null
        || HeaderTerms.Keyword(line) is not null || DateAtStart(line) is not null;

    /// <summary>Caps what a line gives when specks had to be cleaned off it.</summary>
    private double Sure(int line, double certainty) => noisy[line] ? Math.Min(certainty, Certainty.Cleaned) : certainty;
}
