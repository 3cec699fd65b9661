using System.Diagnostics;
using Npgsql;

namespace RobuustOD.Benchmarks.Suite;

/// <summary>
/// The baseline of the command rows: what PostgreSQL itself sustains for one small durable write per command — a
/// single-row jsonb INSERT (autocommit), each client on its own open connection, into the register's database.
/// </summary>
public static class RawInserts
{
    public static async Task<Measurement> RunAsync(string connectionString, int clients, TimeSpan duration)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand(
                "create table if not exists public.benchmark_raw (id bigserial primary key, data jsonb not null)", setup);
            await create.ExecuteNonQueryAsync();
        }

        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var own = latencies[client] = [];
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("insert into public.benchmark_raw (data) values (@data::jsonb)", connection);
            var data = new NpgsqlParameter<string>("data", "");
            insert.Parameters.Add(data);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                data.TypedValue = $"{{\"naam\":\"raw {client}-{i}\"}}";
                var start = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                own.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Measurement(all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count, 0);
    }
}

public static class Stats
{
    /// <summary>The nearest-rank percentile of sorted values (NaN when there are none).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 50);
}
