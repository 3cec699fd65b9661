namespace RobuustOD.Notifications;

/// <summary>Configuration section <c>Notificaties</c>.</summary>
public sealed class NotificatieOptions
{
    /// <summary>This service's name in the webhook handshake (<c>WebHook-Request-Origin</c>).</summary>
    public string Origin { get; set; } = "notificaties.robuustod.nl";

    /// <summary>Whether this process runs the dispatcher (off: deliveries are stored and wait, e.g. for another process).</summary>
    public bool Bezorgen { get; set; } = true;

    /// <summary>The schedule when none is configured: 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h seven times (3.2 days in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> StandaardSchema =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5),
        .. Enumerable.Repeat(TimeSpan.FromHours(10), 7),
    ];

    /// <summary>
    /// The wait before each retry: attempt n+1 comes this long (with jitter) after attempt n failed; after the last, <c>mislukt</c>.
    /// Configured as a whole (<c>Notificaties:Herhaalschema:0</c>, <c>:1</c>, ...); not configured: <see cref="StandaardSchema"/>.
    /// </summary>
    public TimeSpan[]? Herhaalschema { get; set; }

    public IReadOnlyList<TimeSpan> Schema => Herhaalschema is { Length: > 0 } schema ? schema : StandaardSchema;

    /// <summary>The share of each wait that is random (0.1: up to 10 % shorter or longer), so retries of many deliveries spread out.</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>The upper bound on a <c>Retry-After</c> the subscriber asks for.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(12);

    public TimeSpan PogingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight per subscription at once (different ODs; one OD's go one after the other).</summary>
    public int MaxGelijktijdigPerAbonnee { get; set; } = 4;

    /// <summary>A subscription whose oldest waiting delivery has been failing this long is suspended.</summary>
    public TimeSpan OpschortenNa { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How often the dispatcher looks for due retries; new events wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The default grace period of a rotated secret.</summary>
    public TimeSpan RotatieGracePeriode { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Failures in a row (within <see cref="OnderbrekerVenster"/>) after which a subscriber gets a break.</summary>
    public int OnderbrekerDrempel { get; set; } = 5;

    public TimeSpan OnderbrekerVenster { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan OnderbrekingsDuur { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The health check reports a subscription whose oldest waiting delivery is older than this.</summary>
    public TimeSpan AchterstandDrempel { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Loopback and plain http allowed as sink (Development and the tests only). Null: true in the environments
    /// Development and Testing, false everywhere else.
    /// </summary>
    public bool? LokaleBestemmingenToegestaan { get; set; }

    /// <summary>Per topic the base URL of the publishing API, for the <c>dataref</c> of informatiearm deliveries.</summary>
    public Dictionary<string, string> Bronnen { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per subsidy scheme the role that owns (handles) it: ODNL is notified of its own schemes' requests only.</summary>
    public Dictionary<string, string> Regelingeigenaren { get; set; } = new(StringComparer.Ordinal);
}
