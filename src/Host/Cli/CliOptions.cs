namespace Decisioning.Host.Cli;

/// <summary>The command line: a command, its arguments and the common options (accepted before or after the command).</summary>
public sealed record CliOptions
{
    public string? Command { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public string? RulesDir { get; init; }
    public string? TemplatesDir { get; init; }
    public string? Db { get; init; }
    public string Lang { get; init; } = "da";
    public bool Letter { get; init; }
    public string? Urls { get; init; }
    /// <summary><c>store copy</c>: the store to copy from and to (<c>litedb:FILE</c> or <c>postgres:CONNECTION</c>).</summary>
    public string? From { get; init; }
    public string? To { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    private static readonly HashSet<string> ValueOptions = ["--rules", "--templates", "--db", "--lang", "--urls", "--from", "--to"];

    /// <summary>Parses the arguments; unknown options are errors, not ignored.</summary>
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        var rest = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? value = null;
            var name = arg;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                name = arg[..arg.IndexOf('=')];
                value = arg[(arg.IndexOf('=') + 1)..];
            }
            if (ValueOptions.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        errors.Add($"{name} needs a value");
                        continue;
                    }
                    value = args[++i];
                }
                o = name switch
                {
                    "--rules" => o with { RulesDir = value },
                    "--templates" => o with { TemplatesDir = value },
                    "--db" => o with { Db = value },
                    "--from" => o with { From = value },
                    "--to" => o with { To = value },
                    "--lang" => o with { Lang = value },
                    _ => o with { Urls = value },
                };
            }
            else if (arg == "--letter")
            {
                o = o with { Letter = true };
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                errors.Add($"unknown option {arg}");
            }
            else
            {
                rest.Add(arg);
            }
        }
        if (o.Lang is not ("da" or "en"))
        {
            errors.Add($"--lang must be da or en, not {o.Lang}");
        }
        return o with
        {
            Command = rest.Count > 0 ? rest[0] : null,
            Arguments = rest.Skip(1).ToList(),
            Errors = errors,
        };
    }

    /// <summary>The rules folder: the option, else <c>rules/</c> beside the program, else <c>./rules</c>.</summary>
    public string ResolveRules() => RulesDir ?? Beside("rules");

    /// <summary>The templates folder, found the same way.</summary>
    public string ResolveTemplates() => TemplatesDir ?? Beside("templates");

    private static string Beside(string name)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, name);
        return Directory.Exists(beside) ? beside : Path.GetFullPath(name);
    }
}
