using Decisioning.Model;
using Decisioning.Output;
using Decisioning.Policy;
using Decisioning.Rules.Letters.Model;

namespace Decisioning.Rules.Letters;

/// <summary>
/// Builds the <see cref="LetterModel"/> of a decision: the decision's own values and the application's facts, formatted
/// in the letter's language. It copies; it decides nothing (every amount, date and clause comes from the decision).
/// </summary>
public static class LetterModelBuilder
{
    private static readonly HtmlFragment NoText = new("");

    /// <summary>
    /// Builds the model. The reasons carry an empty <see cref="LetterReason.Text"/>: the renderer fills it from the
    /// rule set's reason texts.
    /// </summary>
    public static LetterModel Build(
        ProgrammePolicy programme,
        Application application,
        Decision decision,
        EligibilityCheck check,
        LetterSettings settings,
        LetterLanguage language,
        DateOnly letterDate,
        IReadOnlyDictionary<string, decimal> parameters,
        LetterFinalDecision? final = null)
    {
        var activity = programme.FindActivity(decision.Activity)
            ?? throw new ArgumentException($"The decision's activity '{decision.Activity}' is not in programme '{programme.Id}'.", nameof(decision));
        var company = application.Company;
        var (ageYears, ageMonths) = Age(company.FoundedOn, application.SubmittedOn, decision.AgeYears);
        var scores = programme.Levels
            .Where(decision.Scores.ContainsKey)
            .Select(level => new LetterScore(level, language.Percent(decision.Scores[level]), decision.Scores[level] >= programme.PassMark))
            .ToList();
        return new LetterModel
        {
            Lang = language.Code,
            LetterDate = language.Date(letterDate),
            Sender = new LetterSender(settings.GrowthHouse, settings.Address, settings.ContactLine[language.Code]),
            Complaint = new LetterComplaint(
                settings.ComplaintRecipient[language.Code],
                settings.ComplaintAddress,
                settings.ComplaintEmail,
                settings.ComplaintDeadlineWeeks),
            Company = new LetterCompany
            {
                Name = company.Name,
                Cvr = company.Cvr,
                FoundedOn = language.Date(company.FoundedOn),
                AgeYears = ageYears,
                AgeMonths = ageMonths,
                Employees = company.Employees,
                Region = settings.Label("region", company.Region, language.Code) ?? company.Region,
                Sector = settings.Label("sector", company.Sector, language.Code) ?? company.Sector,
                RegionWord = company.Region,
                SectorWord = company.Sector,
            },
            Application = new LetterApplication
            {
                Id = application.ApplicationId,
                SubmittedOn = language.Date(application.SubmittedOn),
                GrowthMappingDone = application.GrowthMappingDone,
                Additionality = application.Additionality,
                HasExceptionJustification = !string.IsNullOrWhiteSpace(application.ExceptionJustification),
                ExportAmbition = application.Assessment?.Market.ExportAmbition ?? false,
                ExportExperience = application.Assessment?.Market.ExportExperience.Word,
            },
            Activity = new LetterActivity(activity.Id, Name(activity, language), language.Percent(activity.Share), activity.Free, activity.Collective),
            Project = application.Project is { } p ? Project(p, language) : null,
            Decision = new LetterDecision
            {
                Id = decision.DecisionId,
                Outcome = decision.Outcome,
                Body = decision.DecisionBody,
                Level = decision.Level,
                AgeBand = decision.AgeBand,
                Scores = scores,
                PassMark = language.Percent(programme.PassMark),
                BestScore = scores.Count > 0
                    ? scores.MaxBy(s => s.Score.Fraction)!
                    : new LetterScore("", language.Percent(0), false),
                KeyAccountManager = decision.KeyAccountManager,
                FollowUpDue = language.Date(decision.FollowUpDue),
            },
            CoFinancing = decision.CoFinancing is { } c ? CoFinancing(c, language) : null,
            Reasons = decision.Reasons.Select(r => new LetterReason(r.Id, r.Message, NoText, null)).ToList(),
            Alternatives = check.Offers
                .Where(o => o.Eligible && o.Activity != decision.Activity && o.MaxGrantDkk is not 0)
                .Select(o => programme.FindActivity(o.Activity) is { } a
                    ? new LetterOffer(o.Activity, Name(a, language), language.Percent(o.Share), language.Amount(o.MaxGrantDkk), a.Free)
                    : null)
                .OfType<LetterOffer>()
                .ToList(),
            RuleSet = new LetterRuleSet(decision.RuleSet.Version, decision.RuleSet.Hash, ShortHash(decision.RuleSet.Hash)),
            Parameters = parameters,
            Letter = LetterStatusBuilder.Status(decision, final, settings, language, letterDate),
            Final = final is null ? null : LetterStatusBuilder.Final(decision, final, settings, language),
            LegalBasis = new LetterBasis(
                settings.FrameworkDocument[language.Code],
                settings.ProgrammeDocuments.GetValueOrDefault(programme.Id)?.Title[language.Code] ?? programme.Id),
            Facts = decision.Facts is { } facts
                ? LetterEvidenceBuilder.Build(programme, decision, facts, settings, language)
                : null,
        };
    }

    /// <summary>The first 8 hex digits of a <c>sha256:</c> hash.</summary>
    public static string ShortHash(string hash)
    {
        var hex = hash.StartsWith("sha256:", StringComparison.Ordinal) ? hash["sha256:".Length..] : hash;
        return hex.Length > 8 ? hex[..8] : hex;
    }

    internal static string Name(ActivityDefinition activity, LetterLanguage language) =>
        language.Code == "da" ? activity.NameDa : activity.NameEn;

    /// <summary>The decision's completed years and the completed months beyond them, for "1 year and 10 months".</summary>
    private static (int Years, int Months) Age(DateOnly foundedOn, DateOnly submittedOn, int years)
    {
        var months = (submittedOn.Year - foundedOn.Year) * 12 + submittedOn.Month - foundedOn.Month - (submittedOn.Day < foundedOn.Day ? 1 : 0);
        return (years, Math.Clamp(months - years * 12, 0, 11));
    }

    private static LetterProject Project(Project p, LetterLanguage language) => new()
    {
        TotalCost = language.Amount(p.TotalCostDkk),
        OwnCash = language.Amount(p.OwnCashDkk),
        Requested = language.Amount(p.RequestedDkk),
        PlannedStart = language.Date(p.PlannedStart),
        PlannedEnd = language.Date(p.PlannedEnd),
        StartPackage = p.StartPackage,
        Milestones = p.Milestones.Select(m => new LetterMilestone(m.Name, language.Date(m.Due))).ToList(),
    };

    private static LetterCoFinancing CoFinancing(CoFinancing c, LetterLanguage language) => new()
    {
        Share = language.Percent(c.Share),
        Eligible = language.Amount(c.EligibleDkk),
        Grant = language.Amount(c.GrantDkk),
        BindingLimit = c.BindingLimit,
        LevelCap = language.Amount(c.LevelCapDkk),
        LevelCapRemaining = language.Amount(c.LevelCapRemainingDkk),
        LifetimeCap = language.Amount(c.LifetimeCapDkk),
        LifetimeCapRemaining = language.Amount(c.LifetimeCapRemainingDkk),
        BudgetRemaining = language.Amount(c.BudgetRemainingDkk),
        SelfFundingRequired = language.Amount(c.SelfFundingRequiredDkk),
        SelfFundingOk = c.SelfFundingOk,
    };
}
