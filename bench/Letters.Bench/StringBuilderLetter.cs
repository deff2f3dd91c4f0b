using System.Text;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Letters.Bench;

/// <summary>
/// The benchmark's baseline: the Danish approval letter written by hand with a <see cref="System.Text.StringBuilder"/>,
/// character for character the letter the templates write for worked example 01 (the set-up checks it).
/// Only the approve path is written: it is what the benchmark renders.
/// </summary>
public static class StringBuilderLetter
{
    private const string Head = """
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body { font-family: Georgia, "Times New Roman", serif; max-width: 42em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
        header, footer { font-size: 0.9em; }
        footer { border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .clause { font-weight: bold; }
        </style>
        """;

    public static string Write(LetterModel m)
    {
        var c = m.CoFinancing!;
        var p = m.Project!;
        var sb = new StringBuilder(8192);
        sb.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n").Append(Head.ReplaceLineEndings("\n")).Append('\n');
        sb.Append("<title>Tilsagn: ").Append(E(m.Activity.Name)).Append(" (").Append(E(m.Application.Id)).Append(")</title>\n</head>\n<body>\n");
        sb.Append("<header>\n<p><strong>").Append(E(m.Sender.GrowthHouse)).Append("</strong><br>\n").Append(E(m.Sender.Address)).Append("</p>\n");
        sb.Append("<p>").Append(E(m.Company.Name)).Append("<br>\nCVR-nr. ").Append(E(m.Company.Cvr)).Append("</p>\n");
        sb.Append("<p>Dato: ").Append(m.LetterDate.Text).Append("<br>\nAnsøgning: ").Append(E(m.Application.Id))
            .Append("<br>\nAfgørelse: ").Append(m.Decision.Id).Append("</p>\n</header>\n<main>\n");
        sb.Append("<h1>Tilsagn om medfinansiering</h1>\n<p>Bevillingsudvalget giver ").Append(E(m.Company.Name)).Append(" tilsagn om <strong>")
            .Append(c.Grant.Text).Append("</strong> i medfinansiering til ").Append(E(m.Activity.Name)).Append(". Programmet dækker ")
            .Append(c.Share.Text).Append(" af projektets udgifter.</p>\n");

        sb.Append("<section aria-labelledby=\"facts\">\n<h2 id=\"facts\">Oplysninger, vi har lagt vægt på</h2>\n<dl>\n");
        sb.Append("<dt>Virksomhed</dt><dd>").Append(E(m.Company.Name)).Append(", CVR-nr. ").Append(E(m.Company.Cvr)).Append("</dd>\n");
        sb.Append("<dt>Stiftet</dt><dd>").Append(m.Company.FoundedOn.Text).Append(" (").Append(m.Company.AgeYears).Append(" år");
        if (m.Company.AgeMonths > 0)
        {
            sb.Append(" og ").Append(m.Company.AgeMonths).Append(m.Company.AgeMonths == 1 ? " måned" : " måneder");
        }
        sb.Append(" før ansøgningen)</dd>\n");
        sb.Append("<dt>Ansatte</dt><dd>").Append(m.Company.Employees).Append("</dd>\n");
        sb.Append("<dt>Beliggenhed</dt><dd>").Append(E(m.Company.Region)).Append("</dd>\n");
        sb.Append("<dt>Aktivitet</dt><dd>").Append(E(m.Activity.Name)).Append("</dd>\n");
        sb.Append("<dt>Ansøgning modtaget</dt><dd>").Append(m.Application.SubmittedOn.Text).Append("</dd>\n");
        sb.Append("<dt>Vækstniveau</dt><dd>Niveau ").Append(m.Decision.Level).Append(" (score");
        for (var i = 0; i < m.Decision.Scores.Count; i++)
        {
            var s = m.Decision.Scores[i];
            sb.Append(' ').Append(s.Level).Append(": ").Append(s.Score.Text).Append(i < m.Decision.Scores.Count - 1 ? "," : "");
        }
        sb.Append("; der kræves mindst ").Append(m.Decision.PassMark.Text).Append(")</dd>\n");
        sb.Append("<dt>Projektets udgifter</dt><dd>").Append(p.TotalCost.Text).Append(", heraf egne kontante midler ").Append(p.OwnCash.Text).Append("</dd>\n");
        if (p.Requested is { } requested)
        {
            sb.Append("<dt>Ansøgt beløb</dt><dd>").Append(requested.Text).Append("</dd>\n");
        }
        sb.Append("<dt>Periode</dt><dd>").Append(p.PlannedStart.Text).Append(" til ").Append(p.PlannedEnd.Text).Append("</dd>\n</dl>\n</section>\n");

        sb.Append("<section aria-labelledby=\"conditions\">\n<h2 id=\"conditions\">Betingelser</h2>\n<ul>\n");
        sb.Append("<li>Medfinansieringen udbetales i rater, efterhånden som milepælene i vækstplanen nås (P4.9):\n<ul>\n");
        foreach (var milestone in p.Milestones)
        {
            sb.Append("<li>").Append(E(milestone.Name)).Append(" (senest ").Append(milestone.Due.Text).Append(")</li>\n");
        }
        sb.Append("</ul></li>\n");
        sb.Append("<li>Virksomheden skal selv betale mindst ").Append(c.SelfFundingRequired.Text).Append(" kontant af projektets samlede udgifter på ")
            .Append(p.TotalCost.Text).Append(" (P5.1).</li>\n");
        sb.Append("<li>Væksthuset følger op på forløbet senest ").Append(m.Decision.FollowUpDue!.Text).Append(", to måneder efter den planlagte afslutning (P8.4).</li>\n");
        sb.Append("</ul>\n</section>\n");

        sb.Append("<section aria-labelledby=\"complaint\">\n<h2 id=\"complaint\">Klagevejledning</h2>\n<p>Hvis I er uenige i afgørelsen, kan I klage til ")
            .Append(E(m.Complaint.Recipient)).Append(", ").Append(E(m.Complaint.Address)).Append(", eller på e-mail til ").Append(E(m.Complaint.Email))
            .Append(". Klagen skal være modtaget senest ").Append(m.Complaint.Deadline.Text).Append(", ").Append(m.Complaint.DeadlineWeeks)
            .Append(" uger efter brevets dato. Skriv ansøgningens nummer (").Append(E(m.Application.Id))
            .Append("), og forklar, hvorfor I mener, afgørelsen er forkert. Udvalget genvurderer sagen og sender jer en ny afgørelse.</p>\n</section>\n</main>\n");
        sb.Append("<footer>\n<p>").Append(E(m.Sender.ContactLine)).Append("</p>\n<p>Med venlig hilsen<br>\nBevillingsudvalget, ").Append(E(m.Sender.GrowthHouse))
            .Append("</p>\n<p><small>Afgørelse ").Append(m.Decision.Id).Append(" er truffet efter regelsæt ").Append(E(m.RuleSet.Version))
            .Append(" (sha256 ").Append(m.RuleSet.ShortHash).Append(").</small></p>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string text) =>
        text.AsSpan().IndexOfAny("&<>\"") < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
