using IngestPipeline.Domain.Cleanup;
using static IngestPipeline.Domain.Tests.Cleanup.CleanupSamples;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class OcrConfusionRuleTests
{
    private static string Correct(string word, string? previous = "the", string? next = null, OcrConfusionOptions? options = null) =>
        OcrConfusionRule.CorrectWord(word, Words, new WordContext(previous, next), options);

    [Theory]
    [InlineData("aS", "as")]
    [InlineData("iS", "is")]
    [InlineData("1S", "is")]
    [InlineData("1t", "it")]
    [InlineData("0f", "of")]
    [InlineData("alsSo", "also")]
    [InlineData("diStance", "distance")]
    [InlineData("JapaneSe", "Japanese")]
    [InlineData("Sltuation", "situation")]
    [InlineData("governrnent", "government")]
    [InlineData("vvill", "will")]
    [InlineData("fi1e,", "file,")]
    [InlineData("(1S)", "(is)")]
    [InlineData("1@ad", "lead")]
    [InlineData("m@de", "made")]
    public void Typical_confusions_inside_a_sentence_are_undone(string word, string expected) =>
        Assert.Equal(expected, Correct(word));

    [Theory]
    [InlineData("1t", "It")]
    [InlineData("Sltuation", "Situation")]
    [InlineData("JapaneSe", "Japanese")]
    public void At_a_sentence_start_the_correction_is_capitalised(string word, string expected)
    {
        Assert.Equal(expected, Correct(word, previous: "said."));
        Assert.Equal(expected, Correct(word, previous: null));
        Assert.Equal(expected, Correct(word, previous: "FROM:"));
    }

    [Fact]
    public void All_capitals_words_are_corrected_in_capitals()
    {
        Assert.Equal("TOP", Correct("T0P", previous: null, next: "SECRET"));
        Assert.Equal("RECEIVED", Correct("RECElVED", previous: "TELEGRAM"));
        Assert.Equal("IS", Correct("1S", previous: "TOP", next: "SECRET"));
    }

    [Fact]
    public void Capital_letters_of_an_all_capitals_word_are_taken_as_read()
    {
        // An unknown acronym: its 'I' is not a misread 'L' although "owl" is a word.
        var lexicon = new Lexicon(["owl", "top"]);

        Assert.Equal("OWI", OcrConfusionRule.CorrectWord("OWI", lexicon, new WordContext("[by]")));
        Assert.Equal("TOP", OcrConfusionRule.CorrectWord("T0P", lexicon, new WordContext(null, "SECRET")));
    }

    [Fact]
    public void A_tie_goes_to_a_very_common_short_word()
    {
        // "1S" reaches both "is" and "ls" (both in the lexicon) with one swap.
        Assert.True(Words.Contains("ls"));
        Assert.Equal("is", Correct("1S", previous: "Government", next: "exerting"));
    }

    [Fact]
    public void A_worn_c_read_as_o_is_undone_in_words_of_four_letters_or_more()
    {
        var lexicon = new Lexicon(["camp", "which", "occupied", "doctor", "con", "on"]);
        string Fix(string word) => OcrConfusionRule.CorrectWord(word, lexicon, new WordContext("the"));
        Assert.Equal(["camp", "which", "occupied", "doctor"], new[] { "oamp", "whioh", "oooupied", "dootor" }.Select(Fix));
        // Short words: 'o' is too common for the swap to be evidence ("oon" was no "con").
        Assert.Equal("oon", Fix("oon"));
    }

    [Fact]
    public void A_tie_between_uncommon_words_changes_nothing()
    {
        var lexicon = new Lexicon(["lit", "iit"]);

        Assert.Equal("1it", OcrConfusionRule.CorrectWord("1it", lexicon, new WordContext("the")));
    }

    [Theory]
    [InlineData("1116.")]
    [InlineData("851G.01/6-3049")]
    [InlineData("740.0011")]
    [InlineData("10th")]
    [InlineData("1st")]
    [InlineData("1945")]
    [InlineData("80,000")]
    [InlineData("9:25")]
    [InlineData("l945")]
    [InlineData("War/2375")]
    public void Numbers_and_codes_are_never_changed(string word)
    {
        var lexicon = new Lexicon(["is", "it", "lst", "ist", "loth", "war"]);

        Assert.Equal(word, OcrConfusionRule.CorrectWord(word, lexicon, new WordContext("the")));
    }

    [Theory]
    [InlineData("Szepingkai")]
    [InlineData("Molotov")]
    [InlineData("Molotov,")]
    [InlineData("Ili")]
    [InlineData("Tsung-nan.")]
    public void Proper_names_inside_a_sentence_are_never_changed(string word)
    {
        // "Ili" (a place) would become the lexicon word "ill" with one swap.
        Assert.Equal(word, Correct(word, previous: "at"));
        Assert.Equal(word, Correct(word, previous: "of", next: "and"));
    }

    [Theory]
    [InlineData("Szepingkai")]
    [InlineData("Molotov")]
    [InlineData("Stalin")]
    [InlineData("SECRET")]
    public void Proper_names_and_capitals_at_a_sentence_start_are_not_changed(string word) =>
        Assert.Equal(word, Correct(word, previous: null));

    [Theory]
    [InlineData("the")]
    [InlineData("situation,")]
    [InlineData("said.")]
    [InlineData("ill")]
    [InlineData("ls")]
    [InlineData("U.S.")]
    [InlineData("Soviet-Chinese")]
    [InlineData("\"lease\"")]
    [InlineData("[ILLEGIBLE]")]
    [InlineData("[illegible]")]
    public void Words_already_in_the_lexicon_or_markers_are_not_changed(string word) =>
        Assert.Equal(word, Correct(word));

    [Theory]
    [InlineData("thc.")]
    [InlineData("c.")]
    public void No_correction_without_a_listed_swap_to_a_lexicon_word(string word) =>
        Assert.Equal(word, Correct(word));

    [Fact]
    public void Capital_S_of_a_known_word_inside_a_sentence_is_lowercased()
    {
        Assert.Equal("some", Correct("Some", previous: "the", next: "troops"));
        Assert.Equal("some", Correct("Some", previous: "however,"));
    }

    [Theory]
    [InlineData("said.", "Some", null)] // sentence start
    [InlineData("\"said.\"", "Some", null)] // sentence start behind a closing quote
    [InlineData(null, "Some", null)] // start of the text
    [InlineData("The", "Some", null)] // previous word not a running lowercase word
    [InlineData("the", "Senate", null)] // a capitalised entry: a proper name
    [InlineData("the", "South", "Manchurian")] // next word capitalised: a name of several words
    [InlineData("the", "State", "Department")]
    [InlineData("the", "Stalin", null)] // not an ordinary word
    [InlineData("the", "Szepingkai", null)]
    [InlineData("the", "SOME", null)] // all capitals
    public void Capital_S_is_kept_where_it_may_be_meant(string? previous, string word, string? next) =>
        Assert.Equal(word, Correct(word, previous, next));

    [Fact]
    public void Capital_S_is_kept_in_a_title_of_the_form_X_of_State()
    {
        var context = new WordContext(Previous: "of", Next: null, BeforePrevious: "Secretary");

        Assert.Equal("State,", OcrConfusionRule.CorrectWord("State,", Words, context));
        Assert.Equal("state,", OcrConfusionRule.CorrectWord("State,", Words, context with { BeforePrevious = "head" }));
    }

    [Fact]
    public void Capital_S_rule_can_be_switched_off()
    {
        var off = new OcrConfusionOptions { SentenceInternalCapitalS = false };

        Assert.Equal("Some", Correct("Some", options: off));
        Assert.Equal("Sltuation", Correct("Sltuation", options: off));
        Assert.Equal("as", Correct("aS", options: off));
    }

    [Fact]
    public void Capital_S_word_inside_a_sentence_is_corrected_only_to_an_ordinary_word()
    {
        // "Soviet" is only listed capitalised here, so "S0viet" is left for a person to judge.
        var lexicon = new Lexicon(["Soviet", "situation"]);

        Assert.Equal("S0viet", OcrConfusionRule.CorrectWord("S0viet", lexicon, new WordContext("the")));
        Assert.Equal("Soviet", OcrConfusionRule.CorrectWord("S0viet", lexicon, new WordContext("said.")));
        Assert.Equal("situation", OcrConfusionRule.CorrectWord("Sltuation", lexicon, new WordContext("the")));
    }

    [Fact]
    public void Lowercase_word_is_corrected_only_to_an_ordinary_word()
    {
        // Telegraphese "cld" (could) is not the name "Cid", although one swap reaches it.
        var lexicon = new Lexicon(["Cid", "cider", "Molotov"]);

        Assert.Equal("cld", OcrConfusionRule.CorrectWord("cld", lexicon, new WordContext("aid")));
        Assert.Equal("mo1otov", OcrConfusionRule.CorrectWord("mo1otov", lexicon, new WordContext("aid")));
        Assert.Equal("Molotov", OcrConfusionRule.CorrectWord("Mo1otov", lexicon, new WordContext("said:")));
    }

    [Fact]
    public void Stray_capital_S_at_the_end_keeps_the_first_capital_of_a_name()
    {
        var lexicon = new Lexicon(["united", "states", "the"]);

        Assert.Equal("States", OcrConfusionRule.CorrectWord("StateS", lexicon, new WordContext("United", "has")));
        Assert.Equal("states", OcrConfusionRule.CorrectWord("StateS", lexicon, new WordContext("the", "have")));
        Assert.Equal("States", OcrConfusionRule.CorrectWord("StateS", lexicon, new WordContext("said.", "have")));
    }

    [Fact]
    public void Capitalised_entry_in_the_domain_list_protects_a_name_that_is_also_a_word()
    {
        // "described by Service would": John S. Service, not the noun.
        var withoutName = new Lexicon(["service"]);
        var withName = new Lexicon(["service", "Service"]);
        var context = new WordContext("by", "would");

        Assert.Equal("service", OcrConfusionRule.CorrectWord("Service", withoutName, context));
        Assert.Equal("Service", OcrConfusionRule.CorrectWord("Service", withName, context));
    }

    [Fact]
    public void Edit_budget_limits_the_swaps()
    {
        Assert.Equal("vvi1i", Correct("vvi1i"));
        Assert.Equal("will", Correct("vvi1i", options: new OcrConfusionOptions { MaxEdits = 3 }));
        Assert.Equal("is", Correct("1S", options: new OcrConfusionOptions { MaxEdits = 1 }));
        Assert.Equal("1S", Correct("1S", options: new OcrConfusionOptions { MaxEdits = 0 }));
    }

    [Fact]
    public void Line_is_corrected_in_context_keeping_boxes_and_confidences()
    {
        var line = LineOf("The", "Government", "1S", "exerting", "every", "effort");

        var result = OcrConfusionRule.Correct(line, Words);

        Assert.Equal(["The", "Government", "is", "exerting", "every", "effort"], Texts(result));
        Assert.Equal(line.Words[2].Box, result.Words[2].Box);
        Assert.Equal(line.Words[2].Confidence, result.Words[2].Confidence);
        Assert.Same(line.Words[3], result.Words[3]);
        Assert.Equal(line.Box, result.Box);
    }

    [Fact]
    public void First_word_of_a_line_without_context_counts_as_a_sentence_start()
    {
        Assert.Equal(["It", "is"], Texts(OcrConfusionRule.Correct(LineOf("1t", "1S"), Words)));
        Assert.Equal(["it", "is"], Texts(OcrConfusionRule.Correct(LineOf("1t", "1S"), Words, previousWord: "that")));
    }

    [Fact]
    public void Line_without_corrections_is_returned_as_is()
    {
        var line = LineOf("Molotov", "said", "Szepingkai", "1116.");

        Assert.Same(line, OcrConfusionRule.Correct(line, Words));
    }

    [Fact]
    public void Lines_use_the_neighbouring_lines_as_context()
    {
        var lines = new[]
        {
            LineAt(100, "to", "the"),
            LineAt(150, "Some", "situation", "was"),
            LineAt(200, "said."),
            LineAt(250, "Some", "1t"),
        };

        var result = OcrConfusionRule.Correct(lines, Words);

        Assert.Equal(4, result.Count);
        Assert.Equal(["some", "situation", "was"], Texts(result[1]));
        Assert.Equal(["Some", "it"], Texts(result[3]));
        Assert.Same(lines[0], result[0]);
        Assert.Same(lines[2], result[2]);
    }

    [Fact]
    public void The_halves_of_a_word_broken_at_a_line_end_are_left_to_the_dehyphenation()
    {
        // "al-" alone is one swap from "ai" (French "j'ai"), "lusions" one from nothing known: neither half is a word.
        var lexicon = new Lexicon(["ai", "allusions", "it"]);
        var lines = new[] { LineAt(100, "les", "al-"), LineAt(150, "lusions", "1t") };

        var result = OcrConfusionRule.Correct(lines, lexicon);

        Assert.Equal(["les", "al-"], Texts(result[0]));
        Assert.Equal(["lusions", "it"], Texts(result[1]));
        Assert.Equal(["ai"], Texts(OcrConfusionRule.Correct([LineAt(100, "al")], lexicon)[0]));
    }

    [Theory]
    [InlineData("£lle")] // French "Elle" with a misread capital: "lle" is no word with a slip
    [InlineData("$1ist")]
    public void Letters_after_a_glued_symbol_are_a_fragment_and_left_alone(string word) =>
        Assert.Equal(word, OcrConfusionRule.CorrectWord(word, new Lexicon(["lie", "list"])));

    [Fact]
    public void A_name_the_collection_learned_is_taken_as_read_where_the_general_lexicon_would_correct_it()
    {
        var general = new Lexicon(["camp", "which", "occupied", "doctor"]);
        string Fix(Lexicon lexicon) => OcrConfusionRule.CorrectWord("Dootor", lexicon, new WordContext("Mr."));

        Assert.Equal("Doctor", Fix(general));
        Assert.Equal("Dootor", Fix(general.With(["Dootor"])));
    }
}
