using System.Net;
using System.Text.RegularExpressions;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>The review app's forms as a browser posts them: with the anti-forgery token of the page they are on.</summary>
internal static partial class WebForms
{
    public static string TokenOf(string html)
    {
        var token = Token().Match(html).Groups[1].Value;
        Assert.False(token.Length == 0, "the page has no anti-forgery token");
        return token;
    }

    /// <summary>Signs in through the login form: its token, then the post (the answer is the caller's to read).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string user, string password)
    {
        var token = TokenOf(await client.GetStringAsync("/login"));
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A client of its own cookies, signed in as <paramref name="user"/> (with the test password unless given).</summary>
    public static async Task<HttpClient> SignedInAsync(Uri address, string user, string? password = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        using var answer = await PostLoginAsync(client, user, password ?? TestAccounts.Password);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == "/", $"{user} could not sign in: {(int)answer.StatusCode}");
        return client;
    }

    /// <summary>Posts a form of <paramref name="page"/> to <paramref name="action"/> with the page's token, as its button would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = TokenOf(await client.GetStringAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
