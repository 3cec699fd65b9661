namespace RobuustOD.LocalPostgres;

public sealed record PostgresClusterOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Database to create (if missing) and put into <see cref="PostgresCluster.ConnectionString"/>.</summary>
    public string Database { get; init; } = "postgres";

    public string Username { get; init; } = "postgres";

    /// <summary>When null, loopback connections are trusted; otherwise they need this password (set at initdb).</summary>
    public string? Password { get; init; }

    /// <summary>
    /// A throwaway cluster normally runs without crash safety (<c>fsync=off</c>, <c>synchronous_commit=off</c>): fast,
    /// and nothing outlives the test. True keeps PostgreSQL's defaults, for tests that crash the server and then
    /// count what a client saw committed.
    /// </summary>
    public bool CrashSafe { get; init; }

    /// <summary>Receives one line per step (initdb, start, reuse, stop).</summary>
    public Action<string>? Log { get; init; }
}
