namespace RobuustOD.Domain;

/// <summary>
/// A command that the domain refuses. Decisions throw it before anything is appended, so a rejected command never
/// changes the event store. The status is the HTTP status the edge answers with: 409 when the request is valid but
/// conflicts with the state, 400 when the input itself is wrong, 404 when the thing does not exist (for the caller).
/// </summary>
public sealed class DomainRuleException(string title, string detail, int status = DomainRuleException.ConflictStatus,
    IReadOnlyDictionary<string, string[]>? errors = null) : Exception(detail)
{
    public const int InvalidStatus = 400;
    public const int ForbiddenStatus = 403;
    public const int NotFoundStatus = 404;
    public const int ConflictStatus = 409;
    public const int PreconditionFailedStatus = 412;

    public string Title { get; } = title;

    public int Status { get; } = status;

    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    public static DomainRuleException Conflict(string detail) => new("Conflict met de huidige toestand", detail);

    /// <summary>A conflict on one field of the request (e.g. a successor code that already exists).</summary>
    public static DomainRuleException Conflict(string field, string detail) =>
        new("Conflict met de huidige toestand", detail, ConflictStatus, new Dictionary<string, string[]> { [field] = [detail] });

    public static DomainRuleException NotFound(string detail) => new("Niet gevonden", detail, NotFoundStatus);

    public static DomainRuleException Invalid(string field, string detail) =>
        new("Ongeldige invoer", detail, InvalidStatus, new Dictionary<string, string[]> { [field] = [detail] });

    public static DomainRuleException Forbidden(string detail) => new("Geen toegang", detail, ForbiddenStatus);

    public static DomainRuleException PreconditionFailed(string detail) =>
        new("Versie verouderd", detail, PreconditionFailedStatus);
}
