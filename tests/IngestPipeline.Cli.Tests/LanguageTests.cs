using IngestPipeline.Cli;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;

namespace IngestPipeline.Cli.Tests;

/// <summary>Language lists, their models and their word lists, checked before any page is read.</summary>
public sealed class LanguageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-lang-").FullName;

    [Fact]
    public void A_language_without_its_model_fails_naming_the_debian_package()
    {
        var tessdata = Directory.CreateDirectory(Path.Combine(_work, "tessdata")).FullName;
        File.WriteAllBytes(Path.Combine(tessdata, "eng.traineddata"), []);

        OcrLanguages.RequireModels(["eng"], tessdata);
        var e = Assert.Throws<InvalidOperationException>(() => OcrLanguages.RequireModels(OcrLanguages.Parse("eng+fra+chi_sim"), tessdata));

        Assert.Contains("install tesseract-ocr-fra tesseract-ocr-chi-sim", e.Message);
        Assert.DoesNotContain("tesseract-ocr-eng", e.Message);
    }

    [Fact]
    public async Task Ingest_refuses_an_unknown_or_malformed_language_before_reading_pages()
    {
        var scan = Path.Combine(_work, "page.png");
        File.WriteAllBytes(scan, []);
        var output = Path.Combine(_work, "out");

        Assert.Equal(2, await CliApp.RunAsync(["ingest", scan, "--out", output, "--lang", "xyz"]));
        Assert.Equal(2, await CliApp.RunAsync(["ingest", scan, "--out", output, "--lang", "eng+"]));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
    }

    [Fact]
    public void Language_lists_are_split_on_plus_without_repeats()
    {
        Assert.Equal(["eng", "fra"], OcrLanguages.Parse("eng+fra+eng"));
        Assert.Throws<ArgumentException>(() => OcrLanguages.Parse("eng fra"));
    }

    [Fact]
    public void The_lexicon_is_the_union_of_the_languages_word_lists_and_keeps_the_domain_list()
    {
        var english = LexiconFiles.Load();
        var french = LexiconFiles.Load(languages: ["fra"]);
        var both = LexiconFiles.Load(languages: ["eng", "fra"]);

        Assert.True(english.Contains("government"));
        Assert.False(english.Contains("gouvernement"));
        Assert.True(french.Contains("gouvernement"));
        Assert.True(both.Contains("government") && both.Contains("gouvernement"));
        Assert.True(french.Contains("Chungking")); // the shipped domain list, for every language
    }

    [Fact]
    public void English_read_alone_knows_which_words_follow_one_another_and_a_mix_of_languages_does_not()
    {
        var pairs = LexiconFiles.Load().Pairs;
        Assert.NotNull(pairs);
        Assert.Equal(true, pairs.Follows("conditions", "which"));
        Assert.Equal(false, pairs.Follows("should", "proposed"));
        Assert.Null(LexiconFiles.Load(languages: ["fra"]).Pairs);
        Assert.Null(LexiconFiles.Load(languages: ["eng", "fra"]).Pairs);
    }

    [Fact]
    public void German_reads_the_old_spelling_beside_the_new_and_a_language_without_a_list_keeps_the_domain_list()
    {
        var german = LexiconFiles.Load(languages: ["deu"]);
        Assert.True(german.Contains("daß") && german.Contains("dass"));
        Assert.True(german.Contains("Zucker"));

        var latin = LexiconFiles.Load(languages: ["lat"]);
        Assert.True(latin.Contains("Chungking"));
        Assert.False(latin.Contains("government"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
