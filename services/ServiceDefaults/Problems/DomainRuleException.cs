using Microsoft.AspNetCore.Http;

namespace RobuustOD.ServiceDefaults.Problems;

/// <summary>
/// A command that the domain refuses. Deciders throw it before anything is appended,
/// so a rejected command never changes the event store. 409 when the request is valid
/// but conflicts with the resource's state; 400 when the input itself is wrong.
/// </summary>
public sealed class DomainRuleException(string title, string detail, int status = StatusCodes.Status409Conflict,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public string Title { get; } = title;

    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainRuleException Conflict(string detail) => new("Conflict met de huidige toestand", detail);

    public static DomainRuleException NotFound(string detail) =>
        new("Niet gevonden", detail, StatusCodes.Status404NotFound);

    public static DomainRuleException Invalid(string field, string detail) =>
        new("Ongeldige invoer", detail, StatusCodes.Status400BadRequest,
            new Dictionary<string, string[]> { [field] = [detail] });

    public static DomainRuleException Forbidden(string detail) =>
        new("Geen toegang", detail, StatusCodes.Status403Forbidden);

    public static DomainRuleException PreconditionFailed(string detail) =>
        new("Versie verouderd", detail, StatusCodes.Status412PreconditionFailed);
}
