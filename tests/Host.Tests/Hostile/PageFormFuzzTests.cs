using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Decisioning.Host.Tests.Hostile;

/// <summary>
/// A seeded, time-boxed fuzz run of the pages' own forms over HTTP, signed in and with the form's token: the
/// consultant's check and submit form and the committee's decision form, every field filled with hostile text.
/// No answer may be a 5xx and the service must still store a good application afterwards.
/// </summary>
[TestClass]
public sealed partial class PageFormFuzzTests
{
    private static readonly string[] Values =
    [
        "", " ", "0", "-1", "1e400", "79228162514264337593543950336", "240.000", "240,000", "2026-02-30", "9999-12-31", "0001-01-01",
        "approve", "reject", "on", "\u0000", "\ud800", "é", "😀", "<script>alert(1)</script>", "'", "\"", "\\", "../..", "\r\n2026-05-01 x\n\n",
        "NaN", "true", new string('9', 45), new string('x', 5000),
    ];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task FuzzedPageForms_NeverGive5xx()
    {
        var seed = int.Parse(Environment.GetEnvironmentVariable("DECISIONING_FUZZ_SEED") ?? "20261201", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Environment.GetEnvironmentVariable("DECISIONING_FUZZ_SECONDS") ?? "20", CultureInfo.InvariantCulture) / 2;
        var random = new Random(seed);
        await using var service = await ServiceUnderTest.StartAsync();
        const string id = "PAGE-FUZZ-1";
        using (var stored = await service.SubmitAsync(Applications.Create(id)))
        {
            Assert.AreEqual(HttpStatusCode.Created, stored.StatusCode);
        }
        using var consultant = new PageClient(service.Address);
        await consultant.SignInAsync(ServiceUnderTest.ConsultantKey);
        var consultantFields = FieldNames((await consultant.GetAsync("/consultant")).Html);
        using var committee = new PageClient(service.Address);
        await committee.SignInAsync(ServiceUnderTest.CommitteeKey);
        var committeeFields = FieldNames((await committee.GetAsync($"/committee/cases/{id}")).Html);
        Assert.IsGreaterThan(30, consultantFields.Count, "the consultant's form fields were found");

        var failures = new List<string>();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds) && failures.Count < 5)
        {
            n++;
            var onCommittee = random.Next(3) == 0;
            var (client, path, names) = onCommittee
                ? (committee, $"/committee/cases/{id}/{(random.Next(2) == 0 ? "override" : "confirm")}", committeeFields)
                : (consultant, "/consultant", consultantFields);
            var form = names.Where(_ => random.Next(8) > 0).Select(name => KeyValuePair.Create(name, Values[random.Next(Values.Length)])).ToList();
            if (!onCommittee)
            {
                form.Add(KeyValuePair.Create("action", random.Next(2) == 0 ? "submit" : "check"));
            }
            var (response, html) = await client.PostFormAsync(path, form);
            var bucket = $"{path.Split('/')[1]} {(int)response.StatusCode}";
            statuses[bucket] = statuses.GetValueOrDefault(bucket) + 1;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"#{n} {path} answered {(int)response.StatusCode}: {string.Join("&", form.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value[..Math.Min(f.Value.Length, 40)])))}\n  {html[..Math.Min(html.Length, 300)]}");
            }
        }

        TestContext.WriteLine($"seed {seed}: {n} form posts in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (bucket, count) in statuses)
        {
            TestContext.WriteLine($"  {bucket}: {count}");
        }
        Assert.IsEmpty(failures, $"seed {seed}:\n" + string.Join("\n", failures));
        using var good = await service.SubmitAsync(Applications.Create(Applications.NewId("G")));
        Assert.AreEqual(HttpStatusCode.Created, good.StatusCode, "the service stopped storing");
    }

    private static List<string> FieldNames(string html) =>
        NamePattern().Matches(html).Select(m => m.Groups[1].Value).Where(n => n is not (PageClient.TokenField or "returnUrl" or "apiKey")).Distinct().ToList();

    [GeneratedRegex("<(?:input|select|textarea)[^>]*\\sname=\"([^\"]+)\"")]
    private static partial Regex NamePattern();
}
