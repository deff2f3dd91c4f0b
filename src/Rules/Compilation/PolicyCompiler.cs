using System.Globalization;
using Decisioning.Model;
using Decisioning.Pipeline;
using Decisioning.Policy;
using Newtonsoft.Json.Linq;

namespace Decisioning.Rules.Compilation;

/// <summary>
/// Turns the workflow files of a rule set into a compiled <see cref="PolicySet"/>: rules under
/// <c>rules/framework/</c> apply to every programme, rules under <c>rules/programmes/ID/</c> define programme ID and
/// are tried before the framework's. Every problem is collected with its file, rule and line.
/// </summary>
internal sealed class PolicyCompiler
{
    private readonly ExpressionCompiler _expressions = new();
    private readonly List<RuleSetError> _errors;

    public PolicyCompiler(List<RuleSetError> errors) => _errors = errors;

    public PolicySet Compile(string version, string hash, IReadOnlyList<WorkflowFile> workflows)
    {
        var framework = workflows.Where(w => w.Programme is null).ToList();
        var programmeIds = workflows.Select(w => w.Programme).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (programmeIds.Count == 0)
        {
            _errors.Add(new RuleSetError("rules/programmes", null, null, "no programme folder (rules/programmes/ID/) was found"));
        }
        var frameworkRules = framework.SelectMany(w => Rules(w)).ToList();
        var enumerations = CompileScales(frameworkRules);
        var vocabularies = new VocabularyCompiler(_errors).Compile(frameworkRules);
        var programmes = new Dictionary<string, ProgrammePolicy>(StringComparer.Ordinal);
        foreach (var id in programmeIds)
        {
            var rules = workflows.Where(w => w.Programme == id).Concat(framework).SelectMany(w => Rules(w)).ToList();
            if (CompileProgramme(id, rules, enumerations) is { } programme)
            {
                programmes[id] = programme;
            }
        }
        return new PolicySet { Version = version, Hash = hash, Enumerations = enumerations, Vocabularies = vocabularies, Programmes = programmes };
    }

    private IEnumerable<RuleDefinition> Rules(WorkflowFile w)
    {
        var scope = ExpressionScope.Empty;
        foreach (var param in (w.Json["GlobalParams"] as JArray)?.OfType<JObject>() ?? [])
        {
            scope = WithParam(scope, param, w.Path, null);
        }
        foreach (var rule in (w.Json["Rules"] as JArray)?.OfType<JObject>() ?? [])
        {
            var def = new RuleDefinition { File = w.Path, Workflow = (string?)w.Json["WorkflowName"] ?? "", Json = rule, Scope = scope };
            if (def.Enabled)
            {
                yield return def;
            }
        }
    }

    private ExpressionScope WithParam(ExpressionScope scope, JObject param, string file, string? rule)
    {
        var name = (string?)param["Name"] ?? "";
        var text = (string?)param["Expression"] ?? "";
        var line = ((Newtonsoft.Json.IJsonLineInfo)param).LineNumber;
        LoadProgress.At(file, rule, line, $"compiling the parameter '{name}'");
        try
        {
            return scope.With(name, _expressions.ParseMeasured(text, scope, null));
        }
        catch (Exception ex) when (ex is ExpressionException || IsRuleFault(ex))
        {
            _errors.Add(new RuleSetError(file, rule, line, $"parameter '{name}': {Describe(ex)}"));
            return scope;
        }
    }

    private ExpressionScope LocalScope(RuleDefinition rule, ExpressionScope scope)
    {
        foreach (var param in rule.LocalParams)
        {
            scope = WithParam(scope, param, rule.File, rule.Name);
        }
        return scope;
    }

    private EnumerationCatalog CompileScales(List<RuleDefinition> rules)
    {
        var scales = new List<EnumerationScale>();
        foreach (var rule in rules.Where(r => Kind(r) == "scale"))
        {
            var p = Props(rule, "scale");
            var name = p.String("scale");
            var words = p.StringList("words");
            if (name is null || words is null)
            {
                continue;
            }
            if (words.Count == 0 || words.Distinct().Count() != words.Count)
            {
                p.Error("Properties.words must list distinct words, lowest first");
                continue;
            }
            scales.Add(new EnumerationScale(name, words));
        }
        foreach (var required in new[] { "level", "ageBand", "businessPlan", "management", "board", "externalKnowledge", "exportExperience", "riskCapital", "technology", "roleModel" })
        {
            if (scales.All(s => s.Name != required))
            {
                _errors.Add(new RuleSetError("rules/framework", null, null, $"the enumeration scale '{required}' is missing (a rule of kind 'scale')"));
            }
        }
        return new EnumerationCatalog(scales);
    }

    private ProgrammePolicy? CompileProgramme(string id, List<RuleDefinition> rules, EnumerationCatalog enumerations)
    {
        var before = _errors.Count;
        var levels = enumerations.Find("level")?.Words.Reverse().ToList() ?? [];
        var activities = new List<ActivityDefinition>();
        var checks = new List<PolicyCheck>();
        var referrals = new List<PolicyReferral>();
        var criteria = new List<ScoreCriterion>();
        var limits = new List<AmountLimit>();
        var outcomes = new List<OutcomeRule>();
        var conditions = new List<ConditionRule>();
        var outputs = new Dictionary<string, List<(RuleDefinition Rule, object Compiled)>>(StringComparer.Ordinal);
        var parameters = new Dictionary<string, (RuleDefinition Rule, object Value)>(StringComparer.Ordinal);
        var reporting = new ReportingPlanCompiler();

        foreach (var rule in rules)
        {
            var kind = Kind(rule);
            if (kind is null)
            {
                continue;
            }
            var p = Props(rule, kind);
            var clause = p.String("clause");
            if (clause is null)
            {
                continue;
            }
            var rref = new RuleRef(clause, rule.Name, rule.File);
            LoadProgress.At(rule.File, rule.Name, rule.Line, "compiling the rule");
            var scope = LocalScope(rule, rule.Scope);
            try
            {
                switch (kind)
                {
                    case "scale" or "vocabulary":
                        break;
                    case "parameter":
                        CompileParameter(rule, p, scope, parameters);
                        break;
                    case "criterion":
                        if (CompileCriterion(rule, p, rref, scope, levels) is { } criterion)
                        {
                            criteria.Add(criterion);
                        }
                        break;
                    case "check":
                        var (pass, passDa) = RuleMessages.Success(_expressions, rule, p, scope);
                        var (fail, failDa) = RuleMessages.Error(_expressions, rule, p, scope);
                        checks.Add(new PolicyCheck
                        {
                            Rule = rref,
                            OnFail = OnFail(p),
                            NeedsProject = p.Bool("needsProject", false),
                            AppliesWhen = p.String("appliesWhen", required: false) is { } when ? _expressions.Compile<bool>(when, scope) : null,
                            Test = _expressions.Compile<bool>(Expression(rule), scope),
                            PassMessage = pass,
                            FailMessage = fail,
                            PassMessageDa = passDa,
                            FailMessageDa = failDa,
                            FinalDecisionLimit = p.String("finalDecisionLimit", required: false),
                            Reports = Reports(p),
                        });
                        break;
                    case "referral":
                        var (referralEn, referralDa) = RuleMessages.Success(_expressions, rule, p, scope);
                        referrals.Add(new PolicyReferral
                        {
                            Rule = rref,
                            Triggered = _expressions.Compile<bool>(Expression(rule), scope),
                            Message = referralEn,
                            MessageDa = referralDa,
                        });
                        break;
                    case "output":
                        CompileOutput(rule, p, rref, scope, outputs);
                        break;
                    case "limit":
                        if (p.String("limit") is { } limitName)
                        {
                            var (limitEn, limitDa) = RuleMessages.Success(_expressions, rule, p, scope);
                            limits.Add(new AmountLimit
                            {
                                Rule = rref,
                                Name = limitName,
                                NeedsProject = p.Bool("needsProject", false),
                                GuardsFinalDecision = p.Bool("guardsFinalDecision", true),
                                AppliesWhen = _expressions.Compile<bool>(Expression(rule), scope),
                                Remaining = _expressions.Compile<decimal>(Output(rule), scope),
                                Message = limitEn,
                                MessageDa = limitDa,
                            });
                        }
                        break;
                    case "outcome":
                        if (CompileOutcome(rule, p, rref, scope) is { } outcome)
                        {
                            outcomes.Add(outcome);
                        }
                        break;
                    case "condition":
                        var perMilestone = p.Bool("perMilestone", false);
                        var (conditionEn, conditionDa) = RuleMessages.Success(_expressions, rule, p, scope, withMilestone: perMilestone);
                        conditions.Add(new ConditionRule
                        {
                            Rule = rref,
                            PerMilestone = perMilestone,
                            AppliesWhen = _expressions.Compile<bool>(Expression(rule), scope),
                            Text = conditionEn,
                            TextDa = conditionDa,
                        });
                        break;
                    case "reporting":
                        reporting.Add(p);
                        break;
                    case "activity":
                        if (CompileActivity(rule, p, rref, scope, checks) is { } activity)
                        {
                            activities.Add(activity);
                        }
                        break;
                }
            }
            catch (Exception ex) when (ex is ExpressionException || IsRuleFault(ex))
            {
                p.Error(Describe(ex));
            }
        }

        var where = $"rules/programmes/{id}";
        void Missing(string what) => _errors.Add(new RuleSetError(where, null, null, what));
        if (activities.Count == 0)
        {
            Missing("the programme has no activities (rules of kind 'activity')");
        }
        foreach (var dup in activities.GroupBy(x => x.Id).Where(g => g.Count() > 1))
        {
            Missing($"the activity '{dup.Key}' is defined {dup.Count()} times");
        }
        if (criteria.Count == 0)
        {
            Missing("the scorecard has no criteria (rules of kind 'criterion')");
        }
        if (outcomes.Count == 0)
        {
            Missing("there are no outcome rules (kind 'outcome')");
        }
        else if (rules.Last(r => Kind(r) == "outcome").Expression?.Trim() != "true")
        {
            _errors.Add(new RuleSetError(outcomes[^1].Rule.File, outcomes[^1].Rule.RuleName, null, "the last outcome rule must have the expression 'true', so every case gets an outcome"));
        }
        foreach (var name in PolicyOutputs.Known.Keys.Where(k => !outputs.ContainsKey(k)))
        {
            Missing($"no rule computes the output '{name}' (a rule of kind 'output' with Properties.output '{name}')");
        }
        if (!parameters.ContainsKey("passMark"))
        {
            Missing("the parameter 'passMark' (P3.2) is missing");
        }
        var plan = reporting.Build(activities.Select(x => x.Id).ToHashSet(StringComparer.Ordinal), Missing);
        if (_errors.Count > before)
        {
            return null;
        }
        var weights = criteria.Sum(c => c.Weight);
        if (weights != 1m)
        {
            _errors.Add(new RuleSetError(criteria[0].Rule.File, null, null, $"the criterion weights add up to {weights.ToString(CultureInfo.InvariantCulture)}, not 1"));
            return null;
        }
        return new ProgrammePolicy
        {
            Id = id,
            Activities = activities,
            Levels = levels,
            PassMark = (decimal)parameters["passMark"].Value,
            NestedLevels = parameters.TryGetValue("nestedLevels", out var nested) && (bool)nested.Value,
            Criteria = criteria,
            Checks = checks.OrderBy(c => ClauseOrder(c.Rule.Clause)).ToList(),
            Referrals = referrals,
            Limits = limits,
            Outcomes = outcomes,
            Conditions = conditions,
            BudgetPeriod = parameters.TryGetValue("budgetPeriod", out var budgetPeriod) ? (string)budgetPeriod.Value : null,
            // P6.6: the planned companies are the activity's one parameter; the report's planned figures are the same numbers.
            Reporting = plan.Defined
                ? plan with { Planned = activities.Where(x => x.Planned is not null).ToDictionary(x => x.Id, x => x.Planned!, StringComparer.Ordinal) }
                : plan,
            Outputs = new PolicyOutputs
            {
                AgeBand = Outputs<string>(outputs, "ageBand"),
                GrowthCompany = Outputs<bool?>(outputs, "growthCompany"),
                LevelCapDkk = Outputs<decimal?>(outputs, "levelCapDkk"),
                LevelCapUsedDkk = Outputs<decimal>(outputs, "levelCapUsedDkk"),
                LifetimeCapDkk = Outputs<decimal?>(outputs, "lifetimeCapDkk"),
                LifetimeCapUsedDkk = Outputs<decimal>(outputs, "lifetimeCapUsedDkk"),
                ParticipantCapDkk = Outputs<decimal?>(outputs, "participantCapDkk"),
                ParticipantCapUsedDkk = Outputs<decimal>(outputs, "participantCapUsedDkk"),
                EligibleDkk = Outputs<decimal>(outputs, "eligibleDkk"),
                SelfFundingRequiredDkk = Outputs<decimal>(outputs, "selfFundingRequiredDkk"),
                FollowUpDue = Outputs<DateOnly?>(outputs, "followUpDue"),
                KeyAccountManager = Outputs<bool>(outputs, "keyAccountManager"),
                ExpectedJobs = Outputs<decimal?>(outputs, "expectedJobs"),
            },
        };
    }

    private static IReadOnlyList<OutputRule<T>> Outputs<T>(Dictionary<string, List<(RuleDefinition Rule, object Compiled)>> outputs, string name) =>
        outputs[name].Select(o => (OutputRule<T>)o.Compiled).ToList();

    /// <summary>
    /// P6.6: an activity's planned number of companies, <c>{ "min": 30, "max": 35 }</c> (a seed's range) or one whole
    /// number; null when not given.
    /// </summary>
    private static PlannedRange? PlannedCompanies(RuleProperties p)
    {
        if (p.Token("plannedCompanies") is not { } token || token.Type == Newtonsoft.Json.Linq.JTokenType.Null)
        {
            return null;
        }
        if (token.Type == Newtonsoft.Json.Linq.JTokenType.Integer)
        {
            return p.Whole("plannedCompanies", 1, 1_000_000) is { } n ? new PlannedRange(n, n) : null;
        }
        var min = token["min"];
        var max = token["max"];
        if (token.Type != Newtonsoft.Json.Linq.JTokenType.Object || min?.Type != Newtonsoft.Json.Linq.JTokenType.Integer || max?.Type != Newtonsoft.Json.Linq.JTokenType.Integer
            || (int)min < 1 || (int)max > 1_000_000 || (int)min > (int)max || ((Newtonsoft.Json.Linq.JObject)token).Count != 2)
        {
            p.Error("Properties.plannedCompanies must be { \"min\": N, \"max\": M } with whole numbers 1 <= N <= M <= 1000000 (or one whole number)");
            return null;
        }
        return new PlannedRange((int)min, (int)max);
    }

    private void CompileParameter(RuleDefinition rule, RuleProperties p, ExpressionScope scope, Dictionary<string, (RuleDefinition, object)> parameters)
    {
        var name = p.String("parameter");
        switch (name)
        {
            case null:
                return;
            case "passMark":
                var passMark = _expressions.Constant<decimal>(Output(rule), scope);
                if (passMark is <= 0 or > 1)
                {
                    p.Error($"the pass mark must be above 0 and at most 1, not {passMark}");
                }
                parameters.TryAdd(name, (rule, passMark));
                break;
            case "nestedLevels":
                parameters.TryAdd(name, (rule, _expressions.Constant<bool>(Output(rule), scope)));
                break;
            case "budgetPeriod":
                var period = _expressions.Constant<string>(Output(rule), scope);
                if (string.IsNullOrWhiteSpace(period))
                {
                    p.Error("the budget period must be a text such as \"2017-2019\"");
                }
                parameters.TryAdd(name, (rule, period));
                break;
            default:
                p.Error($"unknown parameter '{name}' (known: passMark, nestedLevels, budgetPeriod)");
                break;
        }
    }

    private ScoreCriterion? CompileCriterion(RuleDefinition rule, RuleProperties p, RuleRef rref, ExpressionScope scope, IReadOnlyList<string> levels)
    {
        var name = p.String("criterion");
        var weight = p.Decimal("weight", 0, 1);
        var byLevel = new Dictionary<string, RuleFunc<bool>>(StringComparer.Ordinal);
        foreach (var child in rule.Children)
        {
            var def = new RuleDefinition { File = rule.File, Workflow = rule.Workflow, Json = child, Scope = scope };
            var level = (string?)child.SelectToken("Properties.level");
            if (level is null || !levels.Contains(level))
            {
                _errors.Add(new RuleSetError(rule.File, def.Name, def.Line, $"Properties.level must be one of {string.Join(", ", levels)}"));
                continue;
            }
            try
            {
                byLevel[level] = _expressions.Compile<bool>(Expression(def), LocalScope(def, scope));
            }
            catch (Exception ex) when (ex is ExpressionException || IsRuleFault(ex))
            {
                _errors.Add(new RuleSetError(rule.File, def.Name, def.Line, Describe(ex)));
            }
        }
        return name is null || weight is null ? null : new ScoreCriterion { Rule = rref, Name = name, Weight = weight.Value, ByLevel = byLevel };
    }

    private void CompileOutput(RuleDefinition rule, RuleProperties p, RuleRef rref, ExpressionScope scope, Dictionary<string, List<(RuleDefinition, object)>> outputs)
    {
        var name = p.String("output");
        if (name is null)
        {
            return;
        }
        if (!PolicyOutputs.Known.TryGetValue(name, out var type))
        {
            p.Error($"unknown output '{name}' (known: {string.Join(", ", PolicyOutputs.Known.Keys)})");
            return;
        }
        var when = _expressions.Compile<bool>(Expression(rule), scope);
        object compiled = type switch
        {
            _ when type == typeof(string) => new OutputRule<string> { Rule = rref, When = when, Value = _expressions.Compile<string>(Output(rule), scope) },
            _ when type == typeof(bool?) => new OutputRule<bool?> { Rule = rref, When = when, Value = _expressions.Compile<bool?>(Output(rule), scope) },
            _ when type == typeof(bool) => new OutputRule<bool> { Rule = rref, When = when, Value = _expressions.Compile<bool>(Output(rule), scope) },
            _ when type == typeof(decimal) => new OutputRule<decimal> { Rule = rref, When = when, Value = _expressions.Compile<decimal>(Output(rule), scope) },
            _ when type == typeof(decimal?) => new OutputRule<decimal?> { Rule = rref, When = when, Value = _expressions.Compile<decimal?>(Output(rule), scope) },
            _ => new OutputRule<DateOnly?> { Rule = rref, When = when, Value = _expressions.Compile<DateOnly?>(Output(rule), scope) },
        };
        if (!outputs.TryGetValue(name, out var list))
        {
            outputs[name] = list = [];
        }
        list.Add((rule, compiled));
    }

    private OutcomeRule? CompileOutcome(RuleDefinition rule, RuleProperties p, RuleRef rref, ExpressionScope scope)
    {
        var outcome = p.String("outcome");
        var body = p.String("decisionBody");
        var reasons = p.StringList("reasons");
        if (outcome is not null && !OutcomeWords.Contains(outcome))
        {
            p.Error($"Properties.outcome must be one of {string.Join(", ", OutcomeWords)}");
            return null;
        }
        if (body is not null && body is not ("committee" or "growth-panel"))
        {
            p.Error("Properties.decisionBody must be committee or growth-panel");
            return null;
        }
        foreach (var token in reasons ?? [])
        {
            if (token is not (PolicyWords.FailedChecks or PolicyWords.Referrals or PolicyWords.BindingLimit) && !token.StartsWith('P'))
            {
                p.Error($"Properties.reasons: '{token}' is neither failed-checks, referrals, binding-limit nor a clause id");
            }
        }
        if (outcome is null || body is null || reasons is null)
        {
            return null;
        }
        var (messageEn, messageDa) = RuleMessages.Success(_expressions, rule, p, scope);
        return new OutcomeRule
        {
            Rule = rref,
            Outcome = outcome,
            DecisionBody = body,
            When = _expressions.Compile<bool>(Expression(rule), scope),
            Reasons = reasons,
            ShowCoFinancing = p.Bool("showCoFinancing", true),
            FollowUp = p.Bool("followUp", true),
            Message = messageEn,
            MessageDa = messageDa,
        };
    }

    private ActivityDefinition? CompileActivity(RuleDefinition rule, RuleProperties p, RuleRef rref, ExpressionScope scope, List<PolicyCheck> checks)
    {
        var id = p.String("activity");
        var nameDa = p.String("nameDa");
        var nameEn = p.String("nameEn");
        var share = p.Decimal("share", 0, 1);
        var budget = p.Decimal("budgetDkk", 0, decimal.MaxValue);
        if (id is null || nameDa is null || nameEn is null || share is null || budget is null)
        {
            return null;
        }
        var activity = new ActivityDefinition
        {
            Id = id,
            NameDa = nameDa,
            NameEn = nameEn,
            Share = share.Value,
            Collective = p.Bool("collective", false),
            Free = p.Bool("free", false),
            OpenToAll = p.Bool("openToAll", false),
            YoungExempt = p.Bool("youngExempt", false),
            InitialNetwork = p.Bool("initialNetwork", false),
            BudgetDkk = budget.Value,
            Planned = PlannedCompanies(p),
            Rule = rref,
        };
        var (pass, passDa) = RuleMessages.Success(_expressions, rule, p, scope);
        var (fail, failDa) = RuleMessages.Error(_expressions, rule, p, scope);
        if (Expression(rule).Trim() != "true")
        {
            // The activity's extra eligibility (P6.1-P6.4) is a check that applies to that activity only.
            checks.Add(new PolicyCheck
            {
                Rule = rref,
                OnFail = PolicyWords.Reject,
                NeedsProject = false,
                AppliesWhen = (_, f) => f.Activity.Id == id,
                Test = _expressions.Compile<bool>(Expression(rule), scope),
                PassMessage = pass,
                FailMessage = fail,
                PassMessageDa = passDa,
                FailMessageDa = failDa,
            });
        }
        return activity;
    }

    /// <summary>The decision fields a check's result may be reported in.</summary>
    private static readonly string[] ReportedFields = ["selfFundingOk"];

    private static string? Reports(RuleProperties p)
    {
        var field = p.String("reports", required: false);
        if (field is not null && !ReportedFields.Contains(field))
        {
            p.Error($"Properties.reports must be one of {string.Join(", ", ReportedFields)}");
            return null;
        }
        return field;
    }

    /// <summary>
    /// An exception a rule's text caused while it was compiled (the parser's, the compiler's, a stack too deep): a
    /// refusal of that rule. Not the load's deadline, which stops the whole load, and not running out of memory.
    /// </summary>
    private static bool IsRuleFault(Exception ex) =>
        ex is not (OutOfMemoryException or RuleBudgetException) || ex is RuleBudgetException && !RuleBudget.t_load.IsCancellationRequested;

    private static string Describe(Exception ex) => ex switch
    {
        ExpressionException => ex.Message,
        InsufficientExecutionStackException => "the expression is nested too deeply to compile",
        _ => $"could not be compiled ({ex.GetType().Name}): {ex.Message}",
    };

    private static readonly string[] OutcomeWords = ["approve", "approve-reduced", "reject", "refer-to-committee", "refer-to-growth-panel"];

    private static string OnFail(RuleProperties p)
    {
        var onFail = p.String("onFail", required: false) ?? PolicyWords.Reject;
        if (onFail is not (PolicyWords.Reject or PolicyWords.MainRule))
        {
            p.Error("Properties.onFail must be reject or main-rule");
        }
        return onFail;
    }

    private string? Kind(RuleDefinition rule)
    {
        var kind = (string?)rule.Properties["kind"];
        if (kind is null || !RuleProperties.Kinds.Contains(kind))
        {
            _errors.Add(new RuleSetError(rule.File, rule.Name, rule.Line, $"Properties.kind must be one of {string.Join(", ", RuleProperties.Kinds)}"));
            return null;
        }
        return kind;
    }

    private RuleProperties Props(RuleDefinition rule, string kind)
    {
        var p = new RuleProperties(rule, _errors);
        p.CheckKeys(kind);
        return p;
    }

    private static string Expression(RuleDefinition rule) =>
        rule.Expression ?? throw new ExpressionException("the rule has no Expression");

    private static string Output(RuleDefinition rule)
    {
        if (rule.OutputActionName != "OutputExpression" || rule.OutputExpression is null)
        {
            throw new ExpressionException("the rule needs Actions.OnSuccess with Name 'OutputExpression' and Context.Expression");
        }
        return rule.OutputExpression;
    }

    /// <summary>Sort key of a clause id: P1.3 before P1.10 before P2.1.</summary>
    private static (int, int, string) ClauseOrder(string clause)
    {
        var parts = clause.TrimStart('P').Split('.');
        var major = int.TryParse(parts[0], out var a) ? a : int.MaxValue;
        var minor = parts.Length > 1 && int.TryParse(parts[1], out var b) ? b : 0;
        return (major, minor, clause);
    }
}
