using System.Text;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Letters.Bench;

/// <summary>
/// The benchmark's baseline: the Danish draft approval letter written by hand with a <see cref="System.Text.StringBuilder"/>,
/// character for character the letter the templates write for worked example 01 (the set-up checks it).
/// Only the draft approve path is written: it is what the benchmark renders.
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
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        caption { text-align: left; font-style: italic; }
        th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: left; }
        blockquote { margin: 0.5em 2em; font-style: italic; }
        .draft { border: 2px solid #a00; color: #a00; padding: 0.5em; }
        .basis { color: #444; }
        @media print {
        @page { size: A4; margin: 25mm 20mm 20mm 25mm; }
        body { max-width: none; margin: 0; padding: 0; font-size: 11pt; line-height: 1.4; color: #000; }
        header { margin-bottom: 12mm; }
        h1 { font-size: 16pt; margin-top: 0; }
        h2 { font-size: 12pt; break-after: avoid; page-break-after: avoid; }
        section, table, blockquote, li { break-inside: avoid; page-break-inside: avoid; }
        p { orphans: 3; widows: 3; }
        .draft { border-color: #000; color: #000; }
        a { color: #000; text-decoration: none; }
        }
        </style>
        """;

    public static string Write(LetterModel m)
    {
        var c = m.CoFinancing!;
        var p = m.Project!;
        var f = m.Facts!;
        var body = m.Letter.BodyName;
        var sb = new StringBuilder(12288);
        sb.Append("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n").Append(Head.ReplaceLineEndings("\n")).Append('\n');
        sb.Append("<title>Tilsagn (udkast): ansøgning ").Append(E(m.Application.Id)).Append("</title>\n</head>\n<body>\n");
        sb.Append("<header>\n<p><strong>").Append(E(m.Sender.GrowthHouse)).Append("</strong><br>\n").Append(E(m.Sender.Address)).Append("</p>\n");
        sb.Append("<p>").Append(E(m.Company.Name)).Append("<br>\nCVR-nr. ").Append(E(m.Company.Cvr)).Append("</p>\n");
        sb.Append("<p>Dato: ").Append(m.LetterDate.Text).Append("<br>\nAnsøgning: ").Append(E(m.Application.Id))
            .Append("<br>\nIndstilling: ").Append(m.Decision.Id).Append("</p>\n</header>\n");
        sb.Append("<p class=\"draft\" role=\"note\"><strong>Udkast.</strong> Dette er udkastet til brevet efter indstillingen. Det er ikke en afgørelse, før ")
            .Append(E(body.ToLowerInvariant())).Append(" har truffet den.</p>\n<main>\n");
        sb.Append("<h1>Tilsagn om medfinansiering</h1>\n<p>").Append(E(body)).Append(" giver ").Append(E(m.Company.Name)).Append(" tilsagn om <strong>")
            .Append(m.Letter.Grant!.Text).Append("</strong> i medfinansiering til ").Append(E(m.Activity.Name)).Append(" i perioden ")
            .Append(p.PlannedStart.Text).Append(" til ").Append(p.PlannedEnd.Text).Append(".</p>\n");
        sb.Append("<p>Beløbet er programmets andel på ").Append(c.Share.Text).Append(" af projektets samlede udgifter på ").Append(p.TotalCost.Text)
            .Append(p.TotalCost.Text.EndsWith('.') ? "" : ".").Append("</p>\n"); // the amount's own full stop ends the sentence

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
        sb.Append("<dt>Branche</dt><dd>").Append(E(m.Company.Sector)).Append("</dd>\n");
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
        sb.Append("<dt>Periode</dt><dd>").Append(p.PlannedStart.Text).Append(" til ").Append(p.PlannedEnd.Text).Append("</dd>\n</dl>\n");
        sb.Append("<table class=\"scorecard\">\n<caption>Vurderingen af vækstpotentialet kriterie for kriterie (et niveau kræver mindst ")
            .Append(m.Decision.PassMark.Text).Append(")</caption>\n<thead><tr><th scope=\"col\">Kriterium</th><th scope=\"col\">Vægt</th>");
        foreach (var s in m.Decision.Scores)
        {
            sb.Append("<th scope=\"col\">Niveau ").Append(s.Level).Append("</th>");
        }
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var criterion in f.Scorecard)
        {
            sb.Append("<tr><th scope=\"row\">").Append(E(criterion.Name)).Append("</th><td>").Append(criterion.Weight.Text).Append("</td>");
            foreach (var level in criterion.Levels)
            {
                sb.Append("<td>").Append(level.Met ? "opfyldt" : "ikke opfyldt").Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"2\">Score</th>");
        foreach (var s in m.Decision.Scores)
        {
            sb.Append("<td>").Append(s.Score.Text).Append("</td>");
        }
        sb.Append("</tr></tfoot>\n</table>\n</section>\n");

        sb.Append("<section aria-labelledby=\"conditions\">\n<h2 id=\"conditions\">Betingelser</h2>\n<ul>\n");
        sb.Append("<li>Medfinansieringen udbetales i rater, efterhånden som milepælene i vækstplanen nås:\n<ul>\n");
        foreach (var milestone in p.Milestones)
        {
            sb.Append("<li>").Append(E(milestone.Name)).Append(string.CompareOrdinal(milestone.Due.Iso, m.LetterDate.Iso) < 0 ? " (planlagt til " : " (senest ")
                .Append(milestone.Due.Text).Append(")</li>\n");
        }
        sb.Append("</ul></li>\n");
        sb.Append("<li>Virksomheden skal selv betale mindst ").Append(f.SelfFunding!.Required.Text).Append(" kontant (").Append(f.SelfFunding.Share.Text)
            .Append(" af projektets samlede udgifter på ").Append(p.TotalCost.Text).Append(").</li>\n");
        sb.Append("<li>Væksthuset følger op på forløbet senest ").Append(m.Decision.FollowUpDue!.Text).Append(", to måneder efter den planlagte afslutning.</li>\n");
        sb.Append("</ul>\n</section>\n");
        sb.Append("<section aria-labelledby=\"legal-basis\">\n<h2 id=\"legal-basis\">Regelgrundlag</h2>\n<p>Afgørelsen er truffet efter ")
            .Append(E(m.LegalBasis.Programme)).Append(" og ").Append(E(m.LegalBasis.Framework))
            .Append(". Regelsættets punktnumre i parentes er kun henvisninger.</p>\n</section>\n");
        sb.Append("<section aria-labelledby=\"complaint\">\n<h2 id=\"complaint\">Klagevejledning</h2>\n<p>Hvis I er uenige i afgørelsen, kan I klage til ")
            .Append(E(m.Complaint.Recipient)).Append(", ").Append(E(m.Complaint.Address)).Append(", eller på e-mail til ").Append(E(m.Complaint.Email))
            .Append(". Klagen skal være modtaget senest ").Append(m.Complaint.DeadlineWeeks)
            .Append(" uger efter den dag, I har modtaget denne afgørelse. Skriv ansøgningens nummer (").Append(E(m.Application.Id))
            .Append("), og forklar, hvorfor I mener, afgørelsen er forkert.</p>\n</section>\n</main>\n");
        sb.Append("<footer>\n<p>").Append(E(m.Sender.ContactLine)).Append("</p>\n<p>Med venlig hilsen<br>\n").Append(E(body)).Append(", ").Append(E(m.Sender.GrowthHouse))
            .Append("</p>\n<p><small>Indstilling ").Append(m.Decision.Id).Append(", regelsæt ").Append(E(m.RuleSet.Version))
            .Append(" (sha256 ").Append(m.RuleSet.ShortHash).Append(").</small></p>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string text) =>
        text.AsSpan().IndexOfAny("&<>\"'") < 0
            ? text
            : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
