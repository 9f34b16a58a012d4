using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class LearnedConfusionsTests
{
    [Theory]
    [InlineData("Wahington", "Washington", "", "s")]
    [InlineData("ituation,", "situation,", "", "s")]
    [InlineData("tota", "total", "", "l")]
    [InlineData("Fnglish", "English", "f", "e")]
    [InlineData("govemment", "government", "m", "rn")]
    [InlineData("reportt", "report", "t", "")]
    public void A_correction_by_one_small_edit_is_that_edit(string read, string approved, string from, string to) =>
        Assert.Equal(new Confusion(from, to), LearnedConfusions.EditOf(read, approved));

    [Theory]
    [InlineData("Embassy", "Embassy.")] // punctuation only
    [InlineData("EMBASSY", "Embassy")] // case only
    [InlineData("1942", "1943")] // a number
    [InlineData("the", "their")] // two letters added: a different word, not a confusion
    [InlineData("Wa", "Washington")]
    [InlineData("mission", "Legation")] // a rewrite
    public void Anything_more_or_less_than_one_small_edit_teaches_nothing(string read, string approved) =>
        Assert.Null(LearnedConfusions.EditOf(read, approved));

    [Fact]
    public void An_edit_is_learned_from_several_words_in_several_documents_and_never_from_one_document_or_one_word()
    {
        var words = new Lexicon(["# ordinary words", "washington situation press will which were", "", "# proper names", "Kiangstow"]);
        var none = new HashSet<string>();
        WordCorrection[] weakS = [new("a", "Wahington", "Washington"), new("a", "ituation", "situation"), new("b", "pres", "press")];
        Assert.Equal([new Confusion("", "s")], LearnedConfusions.Of(weakS, words, none));

        WordCorrection[] oneDocument = [new("a", "Wahington", "Washington"), new("a", "ituation", "situation"), new("a", "pres", "press")];
        Assert.Empty(LearnedConfusions.Of(oneDocument, words, none));

        WordCorrection[] oneName = [new("a", "Kiangtow", "Kiangstow"), new("b", "Kiangtow", "Kiangstow"), new("c", "Kiangtow", "Kiangstow")];
        Assert.Empty(LearnedConfusions.Of(oneName, words, none));

        WordCorrection[] builtIn = [new("a", "vvill", "will"), new("b", "vvhich", "which"), new("c", "vvere", "were")];
        Assert.Empty(LearnedConfusions.Of(builtIn, words, none));
    }

    [Fact]
    public void An_edit_that_would_have_corrected_the_collections_approved_work_wrongly_is_not_learned()
    {
        // Reviewers typed back an 'e' a weak key lost, and also wrote "fuer" as "für": adding an 'e' would make it "feuer".
        var words = new Lexicon(["# ordinary words", "geben sehen leben feuer für"]);
        WordCorrection[] lostE = [new("a", "gebn", "geben"), new("a", "sehn", "sehen"), new("b", "lebn", "leben")];
        Assert.Equal([new Confusion("", "e")], LearnedConfusions.Of(lostE, words, new HashSet<string>()));
        WordCorrection[] alsoUmlauts = [.. lostE, new("a", "fuer", "für"), new("b", "fuer,", "für,")];
        Assert.Empty(LearnedConfusions.Of(alsoUmlauts, words, new HashSet<string>()));
        // Nor one that would change words the reviewers approved as read.
        Assert.Empty(LearnedConfusions.Of(lostE, words, new HashSet<string> { "fuer" }));
    }

    [Fact]
    public void Cleanup_corrects_an_unknown_word_by_a_learned_edit_only_where_it_makes_the_one_nearest_known_word()
    {
        var words = new Lexicon(["# ordinary words", "the situation distance press embassies report"]);
        var weakS = new OcrConfusionOptions { Learned = [new Confusion("", "s")] };
        string Correct(string word, OcrConfusionOptions? options = null) => OcrConfusionRule.CorrectWord(word, words, new WordContext("the", null), options);

        Assert.Equal("ituation", Correct("ituation"));
        Assert.Equal("situation", Correct("ituation", weakS));
        Assert.Equal("situation,", Correct("ituation,", weakS)); // punctuation kept
        Assert.Equal("press", Correct("pres", weakS));
        Assert.Equal("distance", Correct("distanc", new OcrConfusionOptions { Learned = [new Confusion("", "e")] })); // at the end
        Assert.Equal("distance", Correct("ditance", weakS));
        Assert.Equal("embassies", Correct("embaies", weakS)); // two weak strikes in one word
        Assert.Equal("report", Correct("report", weakS)); // a known word stays
        Assert.Equal("zzyzx", Correct("zzyzx", weakS)); // nothing known within reach
    }

    [Fact]
    public void The_words_of_an_approved_text_are_its_typed_words_without_the_page_lines() =>
        Assert.Equal(["Washington", "ILLEGIBLE", "sent"], LearnedConfusions.WordsOf("[page 1]\nWashington, [ILLEGIBLE]\n[page 2]\nsent.\n"));

    [Fact]
    public void A_word_misread_alike_in_several_documents_is_learned_unless_it_is_ever_typed_so_or_corrected_to_different_words()
    {
        var approved = new HashSet<string>(StringComparer.Ordinal) { "a", "will", "as", "15" };
        WordCorrection[] corrections =
        [
            new("a", "wi", "will"), new("b", "wi", "will"), // learned
            new("a", "a", "as"), new("b", "a", "as"), // "a" is typed in approved texts
            new("a", "15", "is"), new("c", "15", "is"), // a number is never replaced
            new("a", "tate,", "State,"), new("b", "tate", "states"), // corrected to two different words
            new("a", "Of", "of"), new("c", "Of", "of"), // case alone
            new("a", "RANDA", "RANDALL"), // one document
        ];
        Assert.Equal(new Dictionary<string, string> { ["wi"] = "will" }, LearnedConfusions.ReadingsOf(corrections, approved));

        var options = new OcrConfusionOptions { LearnedReadings = LearnedConfusions.ReadingsOf(corrections, approved) };
        Assert.Equal("will,", OcrConfusionRule.CorrectWord("wi,", new Lexicon(["wi will"]), new WordContext("I", null), options));
        Assert.Equal("Wi", OcrConfusionRule.CorrectWord("Wi", new Lexicon(["wi will"]), new WordContext(null, null), options));
    }

    [Fact]
    public void A_word_a_weak_key_broke_in_two_is_joined_where_the_lost_letter_makes_the_one_known_word()
    {
        var words = new Lexicon(["# ordinary words", "military telegram a so also reply replied entire entirely he held", "", "# proper names", "Helsinki"]);
        var weakL = new OcrConfusionOptions { Learned = [new Confusion("", "l")] };
        string[] Join(OcrConfusionOptions options, params string[] line) =>
            WeakKeyJoinRule.Join(CleanupSamples.LineOf(line), words, options).Words.Select(w => w.Text).ToArray();

        Assert.Equal(["the", "Military", "attache"], Join(weakL, "the", "Mi", "itary", "attache"));
        Assert.Equal(["my", "telegram,"], Join(weakL, "my", "te", "egram,"));
        Assert.Equal(["he", "replied."], Join(weakL, "he", "rep", "ied."));
        Assert.Equal(["entirely"], Join(weakL, "entire", "y")); // a single letter is no word
        Assert.Equal(["he", "held"], Join(weakL, "he", "he", "d"));
        Assert.Equal(["a", "so"], Join(weakL, "a", "so")); // two words that stand alone
        Assert.Equal(["Mi", "itary"], Join(new OcrConfusionOptions(), "Mi", "itary")); // no lost letter learned
        Assert.Equal(["Mi,", "itary"], Join(weakL, "Mi,", "itary")); // punctuation between
        Assert.Equal(["--", "itary", "-"], Join(weakL, "--", "itary", "-")); // marks alone

        var joined = WeakKeyJoinRule.Join(CleanupSamples.LineOf("Mi", "itary"), words, weakL).Words.Single();
        var apart = CleanupSamples.LineOf("Mi", "itary").Words;
        Assert.Equal(BoundingBox.Union([apart[0].Box, apart[1].Box]), joined.Box);
        Assert.Equal(Math.Min(apart[0].Confidence, apart[1].Confidence), joined.Confidence);
    }
}
