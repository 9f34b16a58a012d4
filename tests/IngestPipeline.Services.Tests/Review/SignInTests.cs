using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>Signing in tells nobody which user names exist, and one address cannot keep guessing.</summary>
public sealed partial class ReviewAppTests
{
    private const string Failure = "Signing in did not succeed: check the user name and password, or try again in a few minutes.";

    [Fact]
    public async Task An_unknown_name_and_a_wrong_password_get_the_same_answer_without_the_server_time()
    {
        // Its own loopback address, so its failures count against no other test's.
        using var client = SignInClient("127.0.0.2");

        var unknown = await TrySignInAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..8], "wrong password here");
        var wrong = await TrySignInAsync(client, TestAccounts.SecondReviewer, "wrong password here");

        Assert.Equal((HttpStatusCode.OK, Failure), (unknown.Status, unknown.Error));
        Assert.Equal((HttpStatusCode.OK, Failure), (wrong.Status, wrong.Error));
        Assert.False(unknown.ServerTiming || wrong.ServerTiming, "a response carries Server-Timing");
    }

    [Fact]
    public async Task After_ten_failures_an_address_may_not_sign_in_even_rightly_and_other_addresses_still_may()
    {
        using var client = SignInClient("127.0.0.3");
        for (int i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await TrySignInAsync(client, $"guess-{i}", "wrong password here")).Status);

        var blocked = await TrySignInAsync(client, TestAccounts.Staff, TestAccounts.Password);

        Assert.Equal((HttpStatusCode.TooManyRequests, Failure), (blocked.Status, blocked.Error));
        Assert.True(blocked.RetryAfterSeconds is > 0 and <= 600, $"Retry-After {blocked.RetryAfterSeconds}");
        // The account itself is not locked: from another address it signs in.
        using var elsewhere = SignInClient("127.0.0.4");
        using var signedIn = await WebForms.PostLoginAsync(elsewhere, TestAccounts.Staff, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private sealed record SignInAnswer(HttpStatusCode Status, string? Error, bool ServerTiming, int? RetryAfterSeconds);

    private static async Task<SignInAnswer> TrySignInAsync(HttpClient client, string user, string password)
    {
        using var answer = await WebForms.PostLoginAsync(client, user, password);
        var body = await answer.Content.ReadAsStringAsync();
        var error = Regex.Match(body, "<p class=\"error\" role=\"alert\">([^<]*)</p>") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        return new SignInAnswer(answer.StatusCode, error, answer.Headers.Contains("Server-Timing"), (int?)answer.Headers.RetryAfter?.Delta?.TotalSeconds);
    }

    /// <summary>A client with its own cookies whose connections come from <paramref name="localAddress"/> (any of 127/8 is this machine).</summary>
    private HttpClient SignInClient(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = app.Address };
    }
}
