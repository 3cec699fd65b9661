using RobuustOD.Domain;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace RobuustOD.HttpDefaults.Problems;

/// <summary>
/// Turns the exceptions a client can cause into their 4xx problem, so that a client's
/// mistake or a lost race never surfaces as a 500.
/// </summary>
internal sealed partial class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        LogClientError(logger, problem.Status ?? 0, exception.GetType().Name);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        DomainRuleException rule => Problem(rule.Status, rule.Title, rule.Message, rule.Errors),
        BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
        BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } bind => Problem(
            StatusCodes.Status400BadRequest, "Ongeldige invoer", "Een parameter van het verzoek heeft een ongeldige waarde.",
            new Dictionary<string, string[]>
            {
                [JsonName(bind.Groups["name"].Value)] = [$"'{bind.Groups["value"].Value}' is geen geldige waarde voor deze parameter."],
            }),
        BadHttpRequestException bad when MissingParameter().Match(bad.Message) is { Success: true } missing => Problem(
            StatusCodes.Status400BadRequest, "Ongeldige invoer", "Een verplichte parameter ontbreekt.",
            new Dictionary<string, string[]> { [JsonName(missing.Groups["name"].Value)] = ["Deze parameter is verplicht."] }),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Ongeldig verzoek", Sanitize(bad.Message)),
        _ when exception.InnerException is { } inner && inner != exception => ToProblem(inner),
        _ => null,
    };

    private static ProblemDetails InvalidJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var message = json.Message;
        string[] errors;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var fields = missing.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Trim('\''));
            return Problem(StatusCodes.Status400BadRequest, "Ongeldige invoer", "Verplichte velden ontbreken.",
                fields.ToDictionary(f => f, f => new[] { $"'{f}' is verplicht (mag null zijn waar het veld dat toestaat)." }));
        }
        else if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            errors = ["Onbekend veld; dit veld hoort niet bij deze handeling."];
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            errors = ["De waarde heeft niet het verwachte type of formaat (bijv. een getal, true/false of een datum jjjj-mm-dd)."];
        }
        else
        {
            // The parser's own words locate the syntax error; .NET type names are not part of the contract.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            errors = [TypeName().Replace(cut > 0 ? message[..cut] : message, "het verzoek")];
        }

        return Problem(StatusCodes.Status400BadRequest, "Ongeldige invoer",
            "De inhoud van het verzoek is geen geldige JSON voor deze handeling.",
            new Dictionary<string, string[]> { [field] = errors });
    }

    private static string Sanitize(string message) => TypeName().Replace(message, "het verzoek");

    internal static ProblemDetails Problem(int status, string title, string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        return problem;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'?\b(?:RobuustOD|System|Microsoft)\.[\w.+`]*(?:\[[^\]]*\])?'?")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>.*) (?<name>\\w+)\" from \"(?<value>.*)\"\\.$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    [System.Text.RegularExpressions.GeneratedRegex("^Required parameter \"(?<type>.*) (?<name>\\w+)\" was not provided")]
    private static partial System.Text.RegularExpressions.Regex MissingParameter();

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: (.*)\\.")]
    private static partial System.Text.RegularExpressions.Regex MissingRequired();

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused with {Status} ({Exception})")]
    private static partial void LogClientError(ILogger logger, int status, string exception);
}
