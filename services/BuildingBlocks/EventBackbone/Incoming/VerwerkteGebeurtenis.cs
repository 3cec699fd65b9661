namespace RobuustOD.EventBackbone.Incoming;

/// <summary>
/// The inbox: one row per CloudEvent applied, keyed by <c>source</c> + <c>id</c> (the NL GOV profile's
/// de-duplication key), written in the same transaction as the handler's effect.
/// </summary>
public sealed class VerwerkteGebeurtenis
{
    public string Id { get; set; } = "";

    public string Type { get; set; } = "";

    public string? Onderwerp { get; set; }

    public DateTimeOffset VerwerktOp { get; set; }

    public static string Sleutel(string source, string id) => $"{source}|{id}";
}
