namespace RobuustOD.Notifications.Abonnementen;

public enum AbonnementStatus
{
    Actief,
    Gepauzeerd,

    /// <summary>Failing for longer than <c>Notificaties:OpschortenNa</c>: no attempts until resumed.</summary>
    Opgeschort,

    /// <summary>The subscriber answered 410 Gone: no attempts until resumed.</summary>
    Uitgeschakeld,
    Verwijderd,
}

public enum Authenticatiesoort
{
    Geen,

    /// <summary>A fixed <c>Authorization</c> value sent with every call.</summary>
    Statisch,

    /// <summary>OAuth 2.0 client credentials against the subscriber's token endpoint.</summary>
    Oauth2,
}

/// <summary>The OAuth 2.0 client the subscriber gave us (its secret is in <see cref="Abonnementsgeheim"/>).</summary>
public sealed record OAuth2Client(string TokenUrl, string ClientId, string? Scope);

/// <summary>What the subscriber chose: where, which types, which filter, how to authenticate, whom to alert.</summary>
public sealed record Instellingen(string Sink, IReadOnlyList<string> Types, Filter? Filter, Authenticatiesoort Authenticatie, OAuth2Client? OAuth2,
    string Contact, string? Abonneereferentie, bool Informatiearm);

/// <summary>A subscription, its own stream (<see cref="StreamKey"/>), kept as an inline snapshot.</summary>
public sealed class Abonnement
{
    public const string IdPattern = @"^[0-9a-f]{32}\z";

    public const string Prefix = "abonnement-";

    /// <summary>The stream key; the prefix keeps it apart from every OD code.</summary>
    public static string StreamKey(string id) => Prefix + id;

    public string Id { get; set; } = "";

    public long Version { get; set; }

    public string AbonnementId { get; set; } = "";

    /// <summary>The role of the creator: the role rules are applied with it at every delivery.</summary>
    public string Rol { get; set; } = "";

    /// <summary>For role <c>od</c>: the OD it is about; it receives only events about that OD.</summary>
    public string? Od { get; set; }

    public Instellingen Instellingen { get; set; } = null!;

    /// <summary>Requests per minute the subscriber allowed in the handshake (<c>WebHook-Allowed-Rate</c>); null: no limit.</summary>
    public int? ToegestaanTempo { get; set; }

    public AbonnementStatus Status { get; set; }

    public DateTimeOffset AangemaaktOp { get; set; }

    public DateTimeOffset GewijzigdOp { get; set; }

    /// <summary>Set when a delivery failed for good: the subscription is marked until someone looks (a resume clears it).</summary>
    public AfleveringMislukt? LaatsteMislukking { get; set; }

    public int AantalMislukt { get; set; }

    public string? Reden { get; set; }

    public DateTimeOffset? GeheimGeroteerdOp { get; set; }

    /// <summary>Whether deliveries are attempted now (paused, suspended and disabled keep theirs waiting).</summary>
    public bool Bezorgt => Status == AbonnementStatus.Actief;

    public static Abonnement Create(AbonnementAangemaakt e) => new()
    {
        AbonnementId = e.AbonnementId,
        Rol = e.Rol,
        Od = e.Od,
        Instellingen = e.Instellingen,
        ToegestaanTempo = e.ToegestaanTempo,
        Status = AbonnementStatus.Actief,
        AangemaaktOp = e.Op,
        GewijzigdOp = e.Op,
    };

    public void Apply(AbonnementGewijzigd e)
    {
        Instellingen = e.Instellingen;
        ToegestaanTempo = e.ToegestaanTempo;
        GewijzigdOp = e.Op;
    }

    public void Apply(AbonnementGepauzeerd e)
    {
        Status = AbonnementStatus.Gepauzeerd;
        GewijzigdOp = e.Op;
    }

    public void Apply(AbonnementHervat e)
    {
        Status = AbonnementStatus.Actief;
        Reden = null;
        LaatsteMislukking = null;
        GewijzigdOp = e.Op;
    }

    public void Apply(AbonnementVerwijderd e)
    {
        Status = AbonnementStatus.Verwijderd;
        GewijzigdOp = e.Op;
    }

    public void Apply(GeheimGeroteerd e) => GeheimGeroteerdOp = e.Op;

    public void Apply(AfleveringMislukt e)
    {
        LaatsteMislukking = e;
        AantalMislukt++;
    }

    public void Apply(AbonnementOpgeschort e)
    {
        Status = AbonnementStatus.Opgeschort;
        Reden = e.Reden;
        GewijzigdOp = e.Op;
    }

    public void Apply(AbonnementUitgeschakeld e)
    {
        Status = AbonnementStatus.Uitgeschakeld;
        Reden = e.Reden;
        GewijzigdOp = e.Op;
    }
}
