using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Decisioning.Bench;

/// <summary>
/// Writes application lines for the <c>decide-batch</c> run: each line is one of the bench applications with its
/// ids, CVR, head count, founding date, costs and request varied. Deterministic: the same count gives the same file
/// on every machine (a fixed-seed SplitMix64, not <see cref="Random"/>), and every line is a valid application.
/// </summary>
public static class BatchGenerator
{
    private static readonly string[] Activities = ["individual-growth", "individual-growth", "export-mentor", "market-visit", "germany", "competence-special", "basecamp"];

    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            Console.Error.WriteLine("usage: Decisioning.Bench gen-batch COUNT FILE|-");
            return 2;
        }
        using var output = args[1] == "-" ? Console.OpenStandardOutput() : File.Create(args[1]);
        Write(output, count);
        return 0;
    }

    /// <summary>Writes <paramref name="count"/> lines of compact JSON to <paramref name="output"/>.</summary>
    public static void Write(Stream output, int count)
    {
        var templates = Directory.GetFiles(RepoPaths.Applications, "*.application.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllBytes(f))!.AsObject()).ToList();
        var rng = new SplitMix64(20260302);
        using var buffered = new BufferedStream(output, 1 << 16);
        using var writer = new Utf8JsonWriter(buffered, new JsonWriterOptions { Indented = false, SkipValidation = true });
        for (var i = 1; i <= count; i++)
        {
            var app = templates[(int)rng.Next((ulong)templates.Count)].DeepClone().AsObject();
            Vary(app, i, rng);
            app.WriteTo(writer);
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        }
    }

    private static void Vary(JsonObject app, int i, SplitMix64 rng)
    {
        app["applicationId"] = $"BATCH-{i:D7}";
        var company = app["company"]!.AsObject();
        company["cvr"] = (10_000_000 + (long)rng.Next(89_999_999)).ToString(CultureInfo.InvariantCulture);
        company["name"] = $"Batch Company {i} ApS";
        if (rng.Next(4) == 0)
        {
            // Head count around the P1.4 and P1.2 boundaries now and then.
            company["employees"] = (int)rng.Next(2) == 0 ? 3 + (int)rng.Next(4) : 245 + (int)rng.Next(10);
        }
        if (rng.Next(4) == 0)
        {
            var founded = new DateOnly(2010, 1, 1).AddDays((int)rng.Next(16 * 365));
            company["foundedOn"] = founded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // A typed age band of an earlier grant must agree with the new founding date (P4.5a): leave it out, the
            // service derives it from the dates.
            foreach (var grant in app["priorGrants"]?.AsArray() ?? [])
            {
                grant?.AsObject().Remove("ageBand");
            }
        }
        if (rng.Next(5) == 0)
        {
            app["activity"] = Activities[rng.Next((ulong)Activities.Length)];
        }
        var project = app["project"]!.AsObject();
        var total = 20_000 + 1_000 * (long)rng.Next(1_200);
        project["totalCostDkk"] = total;
        var own = rng.Next(10) == 0 ? total / 2 - 1 - (long)rng.Next(5_000) : total / 2 + (long)rng.Next((ulong)(total / 4 + 1));
        project["ownCashDkk"] = Math.Max(0, own);
        project["requestedDkk"] = rng.Next(3) switch
        {
            0 => null,
            1 => total / 2,
            _ => 1_000 * (long)rng.Next((ulong)(total / 2000 + 1)),
        };
    }

    /// <summary>SplitMix64: a small, fixed pseudo-random sequence.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A number in [0, bound).</summary>
        public ulong Next(ulong bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return z % bound;
        }
    }
}
