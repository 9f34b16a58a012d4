namespace IngestPipeline.Publishing.Tests;

public sealed class WinAnsiEncodingTests
{
    [Theory]
    [InlineData("CABLE 1943", new byte[] { 0x43, 0x41, 0x42, 0x4C, 0x45, 0x20, 0x31, 0x39, 0x34, 0x33 })]
    [InlineData("Attaché", new byte[] { 0x41, 0x74, 0x74, 0x61, 0x63, 0x68, 0xE9 })]
    [InlineData("½ü", new byte[] { 0xBD, 0xFC })]
    // The code page 1252 row that differs from Latin-1.
    [InlineData("€–—‘’“”…Œœ", new byte[] { 0x80, 0x96, 0x97, 0x91, 0x92, 0x93, 0x94, 0x85, 0x8C, 0x9C })]
    public void Characters_in_winansi_keep_their_code(string text, byte[] expected) =>
        Assert.Equal(expected, WinAnsiEncoding.Encode(text));

    [Theory]
    [InlineData("Attache\u0301", "Attach\u00E9")]
    [InlineData("Zu\u0308rich", "Z\u00FCrich")]
    [InlineData("S\u030Ckoda", "\u0160koda")]
    public void A_letter_spelled_with_a_combining_mark_becomes_the_precomposed_letter(string decomposed, string composed) =>
        Assert.Equal(WinAnsiEncoding.Encode(composed), WinAnsiEncoding.Encode(decomposed));

    [Theory]
    [InlineData("Ω", "?")]
    [InlineData("a→b", "a?b")]
    [InlineData("x\u0301", "x?")]          // no precomposed x-acute in WinAnsi
    [InlineData("\U0001F600!", "?!")]     // one character, though two UTF-16 units
    [InlineData("tab\there", "tab?here")]
    public void Characters_outside_winansi_become_a_question_mark(string text, string expected) =>
        Assert.Equal(expected.Select(c => (byte)c), WinAnsiEncoding.Encode(text));
}
