namespace IngestPipeline.Corpus;

/// <summary>
/// The text of one generated cable: header lines, body paragraphs and closing lines, as typed. A paragraph holding
/// tabs is a table: rows split by newlines, cells by tabs, each cell typed at its tab stop; one holding newlines only
/// is a list: each item's label at the indent, its text after it and its further lines under that text.
/// </summary>
public sealed record CableText(IReadOnlyList<string> Header, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Closing)
{
    /// <summary>Lines centred above the header (the mission's letterhead); none on most pages.</summary>
    public IReadOnlyList<string> Letterhead { get; init; } = [];

    private static readonly string[] Cities =
        ["Lisbon", "Madrid", "Berne", "Stockholm", "Ankara", "Cairo", "Algiers", "Lima", "Santiago", "Ottawa", "Dublin", "Oslo",
         "Athens", "Belgrade", "Prague", "Warsaw", "Vienna", "Rome", "Brussels", "The Hague", "Copenhagen", "Helsinki", "Bogota", "Caracas"];
    private static readonly string[] Countries =
        ["Portugal", "Spain", "Switzerland", "Sweden", "Turkey", "Egypt", "Peru", "Chile", "Canada", "Ireland", "Norway", "Greece",
         "Yugoslavia", "Poland", "Austria", "Italy", "Belgium", "the Netherlands", "Denmark", "Finland", "Colombia", "Venezuela"];
    private static readonly string[] Officials =
        ["the Foreign Minister", "the Prime Minister", "the Minister of Finance", "the Under Secretary", "the Ambassador",
         "the Military Attaché", "the Chargé d'Affaires", "the Director General", "the Commercial Counselor", "my British colleague"];
    private static readonly string[] Subjects =
        ["the trade agreement", "the shipping question", "the proposed loan", "the exchange rate", "the frontier incident",
         "the wheat purchases", "the refugee problem", "the airfield concession", "the tungsten contracts", "the press campaign",
         "the oil negotiations", "the consular convention", "the fishing rights", "the claims settlement", "the cotton quota"];
    private static readonly string[] Verbs =
        ["discussed", "raised", "reviewed", "described", "questioned", "outlined", "welcomed", "rejected", "postponed", "referred to"];
    private static readonly string[] Qualities =
        ["serious", "urgent", "delicate", "encouraging", "unsatisfactory", "uncertain", "favorable", "difficult", "considerable"];
    private static readonly string[] Classifications = ["SECRET", "CONFIDENTIAL", "RESTRICTED", "TOP SECRET", "PLAIN"];
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly Func<Random, string>[] Sentences =
    [
        r => $"{Cap(Pick(r, Officials))} {Pick(r, Verbs)} {Pick(r, Subjects)} with me this morning.",
        r => $"He stated that his Government regarded {Pick(r, Subjects)} as {Pick(r, Qualities)} and would reply within {r.Next(2, 15)} days.",
        r => $"I replied that I had no instructions on the point but would report his views to the Department.",
        r => $"The situation in {Pick(r, Countries)} is {Pick(r, Qualities)}, and the press here has given it much attention.",
        r => $"According to reliable sources, {r.Next(2, 90) * 100:N0} tons were shipped from {Pick(r, Cities)} during {Pick(r, Months)}.",
        r => $"Please instruct whether the Embassy should proceed as proposed in my telegram no. {r.Next(100, 999)} of {Pick(r, Months)} {r.Next(1, 29)}.",
        r => $"{Cap(Pick(r, Officials))} expressed the hope that the United States would not insist on {Pick(r, Subjects)}.",
        r => $"It is my impression that the Government will accept the terms, provided that {Pick(r, Subjects)} is settled first.",
        r => $"Repeated to {Pick(r, Cities)} as no. {r.Next(10, 400)}.",
        r => $"The conversation lasted {r.Next(20, 95)} minutes and was entirely friendly; no memorandum was left.",
        r => $"He added that {Pick(r, Countries)} had made a similar approach on {Pick(r, Months)} {r.Next(1, 29)}, which had been declined.",
        r => $"I shall see {Pick(r, Officials)} again tomorrow and will report further.",
        r => $"Figures furnished by the Ministry show a total of {r.Next(1000, 99999):N0} persons, of whom about {r.Next(10, 60)} per cent are women.",
        r => $"Department's attention is invited to the fact that {Pick(r, Subjects)} was not mentioned in the communiqué.",
    ];

    /// <summary>Sentences of a collection's own: its posts and people (<see cref="CollectionNames"/>).</summary>
    private static readonly Func<Random, CollectionNames, string>[] NamedSentences =
    [
        (r, n) => $"Mr. {Pick(r, n.People)} of the {Pick(r, n.Places)} office called on me today regarding {Pick(r, Subjects)}.",
        (r, n) => $"The consul at {Pick(r, n.Places)} reports that {Pick(r, n.People)} left for {Pick(r, Cities)} on {Pick(r, Months)} {r.Next(1, 29)}.",
        (r, n) => $"Reference my telegram concerning {Pick(r, n.People)}; the authorities at {Pick(r, n.Places)} have not yet replied.",
        (r, n) => $"{Pick(r, n.People)} states that {r.Next(2, 90) * 100:N0} tons are held at {Pick(r, n.Places)} awaiting transport.",
    ];

    /// <param name="names">A collection's own names: its cables come from its posts and speak of its people; null for none.</param>
    public static CableText Compose(Random random, CollectionNames? names = null)
    {
        var year = random.Next(1938, 1953);
        var date = $"{Pick(random, Months)} {random.Next(1, 29)}, {year}";
        var from = names is null ? Pick(random, Cities) : Pick(random, names.Places);
        var header = new List<string>
        {
            Pick(random, Classifications),
            $"FROM: {from}",
            "TO: Secretary of State, Washington",
            $"DATED: {date}",
            $"NO.: {random.Next(1, 1999)}",
        };
        var paragraphs = new List<string>();
        for (int p = random.Next(2, 6); p > 0; p--)
            paragraphs.Add(string.Join(" ", Enumerable.Range(0, random.Next(2, 6)).Select(_ =>
                names is not null && random.Next(3) == 0 ? NamedSentences[random.Next(NamedSentences.Length)](random, names) : Sentences[random.Next(Sentences.Length)](random))));
        var closing = new List<string> { Pick(random, ["RANDALL", "WILSON", "GRAHAM", "MORRIS", "HAYES", "BELL", "CARTER"]) };
        // Layouts where wide gaps and short or centred lines are as typed, not text lost: tables and letterheads.
        if (random.Next(3) == 0) paragraphs.Insert(random.Next(1, paragraphs.Count + 1), Table(random));
        if (random.Next(4) == 0) paragraphs.Insert(random.Next(1, paragraphs.Count + 1), List(random));
        var letterhead = random.Next(4) == 0 ? new List<string> { Pick(random, Missions), from } : [];
        return new CableText(header, paragraphs, closing) { Letterhead = letterhead };
    }

    private static readonly string[] Missions = ["AMERICAN EMBASSY", "AMERICAN LEGATION", "AMERICAN CONSULATE GENERAL", "OFFICE OF THE NAVAL ATTACHÉ"];
    private static readonly string[] Goods = ["Wheat", "Cotton", "Tungsten ore", "Coal", "Olive oil", "Cork", "Wool", "Sardines", "Copper", "Rubber", "Tin", "Hides"];

    /// <summary>Points numbered 1., (a) or with a dash, one sentence or two each: a list paragraph, items split by newlines.</summary>
    private static string List(Random random)
    {
        int style = random.Next(3);
        return string.Join('\n', Enumerable.Range(0, random.Next(2, 5)).Select(k =>
            (style == 0 ? $"{k + 1}." : style == 1 ? $"({(char)('a' + k)})" : "-") + " "
            + string.Join(" ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Sentences[random.Next(Sentences.Length)](random)))));
    }

    /// <summary>Shipments by commodity: a heading row and three to six rows of three cells.</summary>
    private static string Table(Random random)
    {
        var rows = new List<string> { "Commodity\tTons\tValue" };
        foreach (var good in Goods.OrderBy(_ => random.Next()).Take(random.Next(3, 7)))
            rows.Add($"{good}\t{random.Next(5, 9000):N0}\t${random.Next(1, 900) * 1000:N0}");
        return string.Join('\n', rows);
    }

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
