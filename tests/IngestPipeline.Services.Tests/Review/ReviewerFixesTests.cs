using System.Text.RegularExpressions;
using IngestPipeline.Services.Tests.Support;
using Microsoft.Playwright;

namespace IngestPipeline.Services.Tests.Review;

/// <summary>What broke for reviewers and staff when the app was tried as they use it: each case as they met it.</summary>
public sealed partial class ReviewAppTests
{
    [Fact]
    public async Task Every_flag_of_a_line_is_highlighted_where_its_text_stands_in_the_field()
    {
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        int linesWithSeveral = 0;
        foreach (var prefix in new[] { "dev00", "dev13", "dev08", "copy-00002" })
        {
            await page.GotoAsync($"/review/{app.Document(prefix)}");
            await page.Locator(".line textarea").First.WaitForAsync();
            // For each line with two flags or more: every mark on the field's own row, over the characters it flags.
            var misplaced = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.line')].filter(l => JSON.parse(l.dataset.flags).length > 1).flatMap(line => {
                  const input = line.querySelector('textarea'), field = input.getBoundingClientRect();
                  return [...line.querySelectorAll('mark')].filter(m => {
                    const r = m.getBoundingClientRect();
                    return r.height === 0 || r.top < field.top - 1 || r.bottom > field.bottom + 1;
                  }).map(m => `line ${line.dataset.line}: "${m.textContent}"`);
                })
                """);
            Assert.Empty(misplaced);
            linesWithSeveral += await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.line')].filter(l => JSON.parse(l.dataset.flags).length > 1).length");
        }
        Assert.True(linesWithSeveral > 0, "no sample line has two flags: the test shows nothing");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Double_clicking_approve_approves_once_goes_on_to_the_next_cable_and_leaves_a_page_only_to_read()
    {
        var id = app.Document("copy-00000");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.WaitForAsync();

        // As on a slow connection: the approval is made at once, its answer arrives a second later, and the reviewer
        // clicks again meanwhile.
        int posts = 0;
        await page.RouteAsync($"**/review/{id}", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync(new RouteFetchOptions { MaxRedirects = 0 });
            if (Interlocked.Increment(ref posts) == 1) await Task.Delay(1500);
            await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
        });
        // Both clicks from the page itself, the second 300 ms after the first: Playwright's own click would wait for
        // the first answer before making the second.
        await page.EvaluateAsync("() => { const approve = document.getElementById('approve'); approve.click(); setTimeout(() => approve.click(), 300); }");

        await page.WaitForTimeoutAsync(2500);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("", string.Join(" ", await page.Locator(".error").AllTextContentsAsync()));
        // On to the next cable awaiting review (or the queue when there is none), saying what was approved.
        Assert.Matches($"/(review/(?!{id})[0-9a-f-]+|queue)$", page.Url);
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("copy-00000-dev08_frus1942China_d58.png: Approved");
        await page.GotoAsync($"/documents/{id}");
        var versions = await page.Locator("table.history tbody tr").AllTextContentsAsync();
        Assert.Single(versions, v => v.Contains("Approved", StringComparison.OrdinalIgnoreCase));

        // Approved, the review page is only to read: flags can be stepped through, not changed.
        await page.GotoAsync($"/review/{id}");
        await Assertions.Expect(page.Locator("#flag-next")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#flag-accept, #flag-keep, #approve").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Resolved_flags_are_counted_a_kept_flag_stays_resolved_after_saving_which_keeps_the_place_and_the_wrap_is_said()
    {
        var id = app.Document("copy-00004");
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{id}");
        int count = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.line')].reduce((n, l) => n + JSON.parse(l.dataset.flags).length, 0)");
        Assert.True(count >= 2, $"{count} flags");
        var progress = page.Locator("#flag-progress");
        await Assertions.Expect(progress).ToHaveTextAsync($"0 of {count} flags resolved");

        // Keep the first [ILLEGIBLE] there is (a marker stays a flag once kept), else the first flag.
        await page.Keyboard.PressAsync("Alt+N");
        for (int i = 1; i < count && await page.TextContentAsync("#flag-kind") != "[ILLEGIBLE]"; i++) await page.Keyboard.PressAsync("Alt+N");
        bool marker = await page.TextContentAsync("#flag-kind") == "[ILLEGIBLE]";
        var position = await page.TextContentAsync("#flag-position") ?? "";
        var kept = await page.EvaluateAsync<string>("() => document.activeElement.closest('.line').dataset.line");
        await page.Keyboard.PressAsync("Alt+K");
        await Assertions.Expect(progress).ToHaveTextAsync($"1 of {count} flags resolved");
        Assert.Equal(1, await page.Locator($".line[data-line='{kept}'] mark.kept").CountAsync());

        // Step on past the last flag: the panel says it went back to the first.
        int at = int.Parse(Regex.Match(position, "^Flag (\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        for (int i = at; i <= count; i++) await page.Keyboard.PressAsync("Alt+N");
        await Assertions.Expect(page.Locator("#flag-position")).ToHaveTextAsync($"Flag 1 of {count} (back to the first)");

        var line = await page.EvaluateAsync<string>("() => document.activeElement.closest('.line').dataset.line");
        await page.Keyboard.PressAsync("Control+S");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version");
        Assert.Equal(line, await page.EvaluateAsync<string>("() => document.activeElement.closest('.line')?.dataset.line ?? ''"));
        if (marker)
        {
            await Assertions.Expect(progress).ToHaveTextAsync($"1 of {count} flags resolved");
            Assert.Equal(1, await page.Locator($".line[data-line='{kept}'] mark.kept").CountAsync());
        }
        else await Assertions.Expect(page.Locator("#flag-position")).ToHaveTextAsync($"{count - 1} flags"); // a word confirmed is no longer a flag

        // Every shortcut, on "?".
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#keys")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#keys")).ToContainTextAsync("Alt+K");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#keys")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_notice_that_a_file_was_already_uploaded_stays_on_its_row()
    {
        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync("/upload");
        var again = TestScans.SamplePages.Single(p => Path.GetFileName(p).StartsWith("dev13", StringComparison.Ordinal));
        await page.SetInputFilesAsync("#files", [again]);
        var row = page.Locator("#uploads tr", new PageLocatorOptions { HasText = Path.GetFileName(again) });
        await Assertions.Expect(row.Locator(".reason")).ToContainTextAsync("Already uploaded");
        await page.WaitForTimeoutAsync(2500); // two polls of the progress
        await Assertions.Expect(row.Locator(".reason")).ToContainTextAsync("Already uploaded");
        await Assertions.Expect(row.Locator(".link a")).ToHaveAttributeAsync("href", $"/documents/{app.Document("dev13")}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_session_has_ended_autosave_and_save_say_so_and_the_edit_survives_signing_in_again()
    {
        var id = app.Document("copy-00001");
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{id}");
        var line = page.Locator(".line textarea").Nth(3);
        await line.FillAsync("Typed before the session ended");
        await page.Context.ClearCookiesAsync();

        var status = page.Locator("#autosave");
        await Assertions.Expect(status).ToContainTextAsync("signed out", new() { Timeout = 15_000 });
        await page.Keyboard.PressAsync("Control+S");
        await page.WaitForTimeoutAsync(1000);
        Assert.EndsWith($"/review/{id}", page.Url);
        Assert.Equal("Typed before the session ended", await line.InputValueAsync());
        await Assertions.Expect(status).ToContainTextAsync("signed out");

        // Signing in again (the same browser) and opening the page brings the edit back.
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", TestAccounts.SecondReviewer);
        await page.FillAsync("input[name=password]", TestAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.GotoAsync($"/review/{id}");
        Assert.Equal("Typed before the session ended", await page.Locator(".line textarea").Nth(3).InputValueAsync());
        await Assertions.Expect(page.Locator("#restored")).ToContainTextAsync("not saved");
        await page.Keyboard.PressAsync("Control+S");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version");
        Assert.Equal("Typed before the session ended", await page.Locator(".line textarea").Nth(3).InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Shortcuts_follow_the_key_pressed_not_the_character_so_option_n_and_cmd_s_work_on_a_mac()
    {
        var id = app.Document("copy-00001");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.WaitForAsync();
        // On a Mac, Option+N is a dead key: the event's key is "Dead", its code "KeyN".
        await page.EvaluateAsync("() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Dead', code: 'KeyN', altKey: true, bubbles: true }))");
        await Assertions.Expect(page.Locator("#flag-position")).ToHaveTextAsync(new Regex("^Flag 1 of \\d+$"));

        await page.Locator(".line textarea").Nth(1).FillAsync("Saved with Cmd+S");
        await page.Keyboard.PressAsync("Meta+KeyS");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version");
        Assert.Equal("Saved with Cmd+S", await page.Locator(".line textarea").Nth(1).InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Files_are_chosen_for_upload_by_keyboard()
    {
        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync("/upload");
        for (int i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "files"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("files", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        // Space or Enter opens the picker; headless Chromium now and then misses the first key press, so Enter follows
        // when Space brought nothing.
        IFileChooser chooser;
        try
        {
            chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"), new PageRunAndWaitForFileChooserOptions { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"), new PageRunAndWaitForFileChooserOptions { Timeout = 10_000 });
        }
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(TestScans.SamplePages.Single(p => Path.GetFileName(p).StartsWith("dev13", StringComparison.Ordinal)));
        await Assertions.Expect(page.Locator("#uploads tr", new PageLocatorOptions { HasText = "dev13" }).Locator(".reason")).ToContainTextAsync("Already uploaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_in_a_metadata_field_moves_to_the_next_field_and_saves_nothing()
    {
        var id = app.Document("dev13");
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{id}");
        var revision = await page.InputValueAsync("input[name=Revision]");
        await page.FillAsync("input[name='Metadata.Title']", "A title, then Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal("Metadata.Type", await page.EvaluateAsync<string>("() => document.activeElement?.name ?? ''"));
        Assert.Equal(0, await page.Locator("p.notice[role=status]").CountAsync());
        await page.ReloadAsync();
        Assert.Equal(revision, await page.InputValueAsync("input[name=Revision]"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_and_the_review_page_count_the_same_flags_and_say_flag_for_one()
    {
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        foreach (var prefix in new[] { "dev13", "dev08" })
        {
            var id = app.Document(prefix);
            await page.GotoAsync("/queue?status=all");
            var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator($"a[href='/documents/{id}']") });
            var queued = int.Parse((await row.Locator("td.flags").TextContentAsync() ?? "").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await page.GotoAsync($"/review/{id}");
            var position = await page.TextContentAsync("#flag-position") ?? "";
            var shown = int.Parse(Regex.Match(position, "^(\\d+) flags?$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(queued, shown);
            Assert.Equal(shown == 1 ? "1 flag" : $"{shown} flags", position);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_reviewers_editing_different_lines_are_merged_and_a_conflict_page_can_be_reloaded_safely()
    {
        var id = app.Document("copy-00002");
        var first = await app.SignInAsync(TestAccounts.Reviewer);
        var second = await app.SignInAsync(TestAccounts.SecondReviewer);
        await first.GotoAsync($"/review/{id}");
        await second.GotoAsync($"/review/{id}");

        await first.Locator(".line textarea").Nth(1).FillAsync("Line two, by the first reviewer");
        await first.ClickAsync("#save");
        await Assertions.Expect(first.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version");

        // Another line: both edits kept.
        await second.Locator(".line textarea").Nth(4).FillAsync("Line five, by the second reviewer");
        await second.ClickAsync("#save");
        await Assertions.Expect(second.Locator("p.notice[role=status]")).ToContainTextAsync($"merged with {TestAccounts.Reviewer}'s version");
        Assert.Equal("Line two, by the first reviewer", await second.Locator(".line textarea").Nth(1).InputValueAsync());
        Assert.Equal("Line five, by the second reviewer", await second.Locator(".line textarea").Nth(4).InputValueAsync());

        // The same line: refused, the edit kept, and reloading the page sends nothing again.
        await first.Locator(".line textarea").Nth(4).FillAsync("Line five, by the first reviewer");
        await first.ClickAsync("#save");
        var error = first.Locator("#review-error");
        await Assertions.Expect(error).ToContainTextAsync($"{TestAccounts.SecondReviewer} saved version");
        await Assertions.Expect(error).ToContainTextAsync("line 5");
        Assert.Equal("Line five, by the first reviewer", await first.Locator(".line textarea").Nth(4).InputValueAsync());
        var reload = await first.ReloadAsync();
        Assert.NotNull(reload);
        Assert.Equal("GET", reload.Request.Method);
        Assert.Equal("Line five, by the first reviewer", await first.Locator(".line textarea").Nth(4).InputValueAsync());
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task A_re_OCR_leaves_the_reviewers_text_and_offers_its_reading_as_a_suggestion_and_any_version_can_be_restored()
    {
        var id = app.Document("copy-00003");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        var line = page.Locator(".line textarea").Nth(2);
        var read = await line.InputValueAsync();
        await line.FillAsync("The reviewer's own line");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Saved as version 2");

        await app.Api.PostAsync($"api/admin/documents/{id}/reprocess");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            await page.WaitForTimeoutAsync(1000);
            await page.GotoAsync($"/review/{id}");
        }
        while (await page.Locator("#suggestion").CountAsync() == 0 && DateTime.UtcNow < deadline);
        await Assertions.Expect(page.Locator("#suggestion")).ToContainTextAsync("version 3");
        Assert.Equal("The reviewer's own line", await page.Locator(".line textarea").Nth(2).InputValueAsync());

        // Line by line: the new reading of the line the reviewer changed is offered under it, and taken into the field.
        var offer = page.Locator(".line").Nth(2).Locator(".suggested");
        await Assertions.Expect(offer).ToHaveAttributeAsync("data-text", read);
        await offer.Locator(".take-line").ClickAsync();
        Assert.Equal(read, await page.Locator(".line textarea").Nth(2).InputValueAsync());
        await Assertions.Expect(offer).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".line textarea").Nth(2)).ToBeFocusedAsync();

        await page.ClickAsync("#take-suggestion");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Restored version 3 as version 4");
        Assert.Equal(read, await page.Locator(".line textarea").Nth(2).InputValueAsync());
        Assert.Equal(0, await page.Locator("#suggestion").CountAsync());

        // The reviewer's version, restored from the history.
        await page.GotoAsync($"/documents/{id}");
        var history = page.Locator("table.history tbody tr");
        await Assertions.Expect(history.Filter(new LocatorFilterOptions { HasText = "Suggested" })).ToHaveCountAsync(1);
        await history.Filter(new LocatorFilterOptions { Has = page.Locator("a[href='?version=2']") }).Locator("button.restore").ClickAsync();
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Restored version 2 as version 5");
        await page.GotoAsync($"/review/{id}");
        Assert.Equal("The reviewer's own line", await page.Locator(".line textarea").Nth(2).InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_crop_outlines_the_flag_and_never_shrinks_it_and_the_line_worked_on_is_outlined_on_the_scan()
    {
        var page = await app.SignInAsync(TestAccounts.SecondReviewer);
        await page.GotoAsync($"/review/{app.Document("dev13")}");
        await page.Locator(".line textarea").First.WaitForAsync();
        await page.Keyboard.PressAsync("Alt+N");

        // The first flag's box on the page (pixels), against its outline in the crop (CSS pixels): enlarged well past the
        // scan beside it, and big enough to read.
        var height = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.line')].flatMap(l => JSON.parse(l.dataset.flags))[0].b[3]");
        var sheet = (await page.Locator(".sheet").First.BoundingBoxAsync())!;
        var scanScale = sheet.Width / double.Parse((await page.Locator(".sheet").First.GetAttributeAsync("data-width"))!, System.Globalization.CultureInfo.InvariantCulture);
        var outline = await page.Locator("#crop-box").BoundingBoxAsync();
        var image = await page.Locator("#crop-image").BoundingBoxAsync();
        Assert.NotNull(outline);
        Assert.NotNull(image);
        Assert.True(outline.Height >= 1.4 * height * scanScale && outline.Height >= 20, $"the flag is {height} px high, {height * scanScale:0} on the scan, its outline {outline.Height}");
        Assert.InRange(outline.Y, image.Y, image.Y + image.Height - outline.Height);

        var line = page.Locator(".line").Nth(5);
        await line.Locator("textarea").ClickAsync();
        var box = (await line.GetAttributeAsync("data-box"))!.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var sheetHeight = double.Parse((await page.Locator(".sheet").First.GetAttributeAsync("data-height"))!, System.Globalization.CultureInfo.InvariantCulture);
        var mark = page.Locator(".sheet .box.line-focus");
        await Assertions.Expect(mark).ToHaveCountAsync(1);
        var top = await mark.EvaluateAsync<string>("m => m.style.top");
        Assert.Equal(100 * box[1] / sheetHeight, double.Parse(top.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture), 3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_published_cable_is_reopened_corrected_and_approved_again_and_both_publications_are_kept()
    {
        var id = app.Document("copy-00005");
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.FocusAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync(url => !url.EndsWith($"/review/{id}", StringComparison.Ordinal));
        await WaitForPublicationsAsync(page, id, 1);

        await page.GotoAsync($"/documents/{id}");
        await page.ClickAsync("#reopen");
        await page.WaitForURLAsync($"**/review/{id}");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("Reopened for correction");
        await page.Locator(".line textarea").Nth(1).FillAsync("Corrected after publication");
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync(url => !url.EndsWith($"/review/{id}", StringComparison.Ordinal));
        var versions = await WaitForPublicationsAsync(page, id, 2);

        await page.GotoAsync($"/documents/{id}");
        await Assertions.Expect(page.Locator("p.outputs[data-version]")).ToHaveCountAsync(2);
        Assert.Contains("Corrected after publication", await (await page.APIRequest.GetAsync($"/api/documents/{id}/published/txt")).TextAsync());
        Assert.DoesNotContain("Corrected after publication", await (await page.APIRequest.GetAsync($"/api/documents/{id}/published/txt?version={versions.Min()}")).TextAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>Waits until the document has <paramref name="count"/> publications; returns their versions.</summary>
    private static async Task<int[]> WaitForPublicationsAsync(IPage page, Guid id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var answer = await page.APIRequest.GetAsync($"/api/documents/{id}/publications");
            var versions = System.Text.Json.JsonDocument.Parse(await answer.TextAsync()).RootElement.EnumerateArray()
                .Select(p => p.GetProperty("version").GetInt32()).ToArray();
            if (versions.Length >= count) return versions;
            Assert.True(DateTime.UtcNow < deadline, $"{versions.Length} publications of {id}, waiting for {count}");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task At_1280_by_800_each_line_shows_its_strip_of_the_scan_and_wraps_instead_of_being_cut()
    {
        var page = await app.SignInAsync(TestAccounts.SecondReviewer, width: 1280, height: 800);
        var id = app.Document("dev13");
        await page.GotoAsync($"/review/{id}");
        await page.Locator(".line textarea").First.WaitForAsync();

        // Nothing cut: every line's text fits its field, and every field shows a strip of the scan at about the text's size.
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.line')].flatMap(line => {
              const text = line.querySelector('textarea'), strip = line.querySelector('.strip');
              const problems = [];
              if (text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1) problems.push(`line ${line.dataset.line}: text cut`);
              if (!strip.style.backgroundImage.includes('/pages/' + line.dataset.page + '/image')) problems.push(`line ${line.dataset.line}: no strip`);
              const h = strip.getBoundingClientRect().height;
              if (h < 4 || h > 40) problems.push(`line ${line.dataset.line}: strip ${h} px high`);
              if (parseFloat(strip.style.width) > text.getBoundingClientRect().width + 1) problems.push(`line ${line.dataset.line}: strip wider than its text`);
              return problems;
            })
            """);
        Assert.Empty(cut);

        // A long line wraps onto more rows, and its highlights stay over its characters.
        var field = page.Locator(".line textarea").Nth(2);
        var before = (await field.BoundingBoxAsync())!.Height;
        await field.FillAsync(string.Join(' ', Enumerable.Repeat("a long line of typing that goes on", 8)));
        var after = (await field.BoundingBoxAsync())!.Height;
        Assert.True(after >= 2.5 * before, $"{before} px high, then {after} px");
        Assert.True(await field.EvaluateAsync<bool>("t => t.scrollHeight <= t.clientHeight + 1"));
        Assert.Equal(after, (await page.Locator(".line").Nth(2).Locator(".backdrop").BoundingBoxAsync())!.Height, 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_200_percent_zoom_every_page_reflows_and_every_control_stays_in_view()
    {
        var page = await app.SignInAsync(TestAccounts.Reviewer, width: 1280, height: 800, zoom: 2);
        await page.GotoAsync($"/review/{app.Document("dev13")}");
        await page.Locator(".line textarea").First.WaitForAsync();
        var width = page.ViewportSize!.Width;
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the review page scrolls sideways");
        var scan = (await page.Locator(".scan").BoundingBoxAsync())!;
        var work = (await page.Locator(".work").BoundingBoxAsync())!;
        Assert.True(work.Y >= scan.Y + scan.Height - 1, "the text is not below the scan");
        foreach (var button in await page.Locator("#save, #approve, #reject, #flag-next").AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.InRange(box.X + box.Width, 0, width);
        }

        await page.GotoAsync("/queue?status=all");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the queue scrolls sideways");
        var buttons = await page.Locator("table.queue button").AllAsync();
        Assert.NotEmpty(buttons);
        foreach (var button in buttons)
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.InRange(box.X + box.Width, 0, width);
        }

        // The pages that came later: search, batches, a document in Mirador.
        var batch = (await app.Api.BatchesAsync()).First().Id;
        foreach (var path in new[] { "/search?q=chungking", "/batches", $"/batches/{batch}", $"/documents/{app.Document("dev13")}/viewer" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"{path} scrolls sideways");
            foreach (var control in await page.Locator("main button, main input, main select").AllAsync())
                if (await control.IsVisibleAsync())
                    Assert.InRange((await control.BoundingBoxAsync())!.X + (await control.BoundingBoxAsync())!.Width, 0, width + 1);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_shows_each_cable_s_date_sender_subject_and_first_page()
    {
        var page = await app.SignInAsync(TestAccounts.Reviewer);
        await page.GotoAsync("/queue?status=all");
        var subjects = 0;
        foreach (var prefix in new[] { "dev00", "dev08", "dev13" })
        {
            var id = app.Document(prefix);
            var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator($"a[href='/documents/{id}']") });
            // What the row says is what the transcript's metadata says.
            using var transcript = System.Text.Json.JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/documents/{id}/transcript")).TextAsync());
            var metadata = transcript.RootElement.GetProperty("metadata");
            string Field(string name) => metadata.TryGetProperty(name, out var field) && field.ValueKind == System.Text.Json.JsonValueKind.Object
                ? field.GetProperty("value").GetString() ?? "" : "";
            Assert.Equal(Field("date"), (await row.Locator("td.dated").TextContentAsync() ?? "").Trim());
            Assert.Equal(Field("sender"), (await row.Locator("td.sender").TextContentAsync() ?? "").Trim());
            if (await row.Locator(".subject").CountAsync() > 0 && (await row.Locator(".subject").TextContentAsync())!.Trim().Length > 10) subjects++;
            var thumbnail = row.Locator(".thumb img");
            await thumbnail.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await thumbnail.EvaluateAsync<int>("i => i.naturalWidth") > 0, $"{prefix}: no thumbnail");
        }
        Assert.True(subjects > 0, "no sample cable shows its subject");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_failed_file_is_deleted_by_staff_and_the_same_bytes_then_make_a_new_document()
    {
        var source = await File.ReadAllBytesAsync(TestScans.SamplePages.Single(p => Path.GetFileName(p).StartsWith("dev13", StringComparison.Ordinal)));
        var broken = Path.Combine(Repository.NewTempDirectory(), "mend-me.png");
        await File.WriteAllBytesAsync(broken, source[..(source.Length * 2 / 5)]);
        var id = (await app.Api.UploadAsync([broken])).Single().DocumentId!.Value;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await app.Api.DocumentAsync(id)).Stage != "Failed" && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, await app.Api.DeleteAsync($"api/documents/{app.Document("dev13")}")); // only a failed one

        var page = await app.SignInAsync(TestAccounts.Staff);
        await page.GotoAsync($"/documents/{id}");
        await page.ClickAsync("#delete");
        await page.WaitForURLAsync("**/queue?status=all");
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToContainTextAsync("\"mend-me.png\" is deleted");
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/api/documents/{id}")).Status);

        var again = (await app.Api.UploadAsync([broken])).Single();
        Assert.False(again.Duplicate);
        Assert.NotEqual(id, again.DocumentId);
        await page.Context.CloseAsync();
    }
}
