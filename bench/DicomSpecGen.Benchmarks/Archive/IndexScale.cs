using System.Diagnostics;
using System.Globalization;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Benchmarks.Archive;

/// <summary>The archive index at scale (issue 20, item 4): loads synthetic instances through the SCP's insert path
/// (the archive's write-behind <see cref="IndexWriter"/>: records queued as C-STOREs queue them, one
/// <see cref="SqlInstanceIndex.AddBatchAsync"/> transaction per batch; the loader waits for the writer every
/// <see cref="Checkpoint"/> records, which is where the rates are taken), then times STUDY-level C-FIND through the SCP's query path
/// (<see cref="DicomArchive.FindAsync"/>: QueryTranslator → index query → responses).
/// Not BenchmarkDotNet: one long run whose insert rate changes as the index grows.</summary>
public static class IndexScale
{
    private const string StudyFind = DicomUids.StudyRootQueryRetrieveInformationModelFind;

    /// <summary>Records queued between two waits for the writer (bounds the queue; the rates are taken at these points).</summary>
    private const int Checkpoint = 1000;

    /// <summary>The writer settles no placements here: a store that has none.</summary>
    private sealed class NoFiles : IInstanceStore
    {
        public Task<StagedFile> StageAsync(DicomSpecGen.Data.Part10.DicomFileMeta meta, System.IO.Pipelines.PipeReader dataSet, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Commit(StagedFile staged) => throw new NotSupportedException();

        public void Discard(StagedFile staged) => throw new NotSupportedException();

        public Stream OpenRead(string relativePath) => throw new NotSupportedException();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        long count = 1_000_000;
        int? patients = null;
        var dir = Path.Combine(Path.GetTempPath(), "dsg-index-scale");
        string? postgres = null;
        var runs = 21;
        var checkpointPages = SqliteInstanceIndex.CheckpointPages;
        var writerFactor = SqliteInstanceIndex.WriterCheckpointFactor;
        var cacheKiB = SqliteInstanceIndex.CacheKiB;
        var seriesUids = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--count": count = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--patients": patients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--dir": dir = Next(); break;
                case "--postgres": postgres = Next(); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--checkpoint-pages": checkpointPages = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--writer-factor": writerFactor = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--uids":
                    seriesUids = Next() switch
                    {
                        "random" => false,
                        "series" => true,
                        var other => throw new ArgumentException($"--uids random|series, not {other}"),
                    };
                    break;
                case "--cache-mb": cacheKiB = 1024 * int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--associations": Next(); break;   // earlier versions' concurrent inserters: the writer is one consumer now
                default:
                    Console.Error.WriteLine("usage: index-scale [--count N=1000000] [--patients P=N/100] [--dir DIR] [--postgres CONNSTR] [--runs R=21] [--checkpoint-pages N] [--writer-factor F] [--cache-mb M] [--uids random|series]");
                    return 2;
            }
        }
        var patientCount = patients ?? (int)Math.Max(1, count / 100);
        var window = (int)Math.Max(Checkpoint, Math.Min(50_000, count / 10) / Checkpoint * Checkpoint);
        if (count % Checkpoint != 0 || count < 2 * window) throw new ArgumentException($"--count must be a multiple of {Checkpoint}, at least {2 * window}");
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        var dbFile = Path.Combine(dir, "index.sqlite");
        var backend = postgres != null ? "PostgreSQL" : "SQLite";
        if (postgres == null) Console.WriteLine($"SQLite: background checkpoint every {checkpointPages} WAL pages, the writer's own at {writerFactor} times that, page cache {cacheKiB / 1024} MB");
        Console.WriteLine($"index-scale: {backend}, {count} instances, {patientCount} patients, SOP Instance UIDs {(seriesUids ? "per series (a random prefix, then the instance number)" : "random each")}, write-behind batches (wait every {Checkpoint}), window {window}, {runs} timed runs per query; {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        // Load.
        var data = new Synthetic(count, patientCount, seriesUids);
        var times = new long[count + 1];
        // Process CPU time at the window edges: on a loaded machine wall time measures the scheduler as much as us.
        var cpu = new System.Collections.Concurrent.ConcurrentDictionary<long, TimeSpan>();
        cpu[0] = Environment.CpuUsage.TotalTime;
        // Read and write system calls and bytes (/proc/self/io) over the same windows: counts that do not move with the load.
        var io = new System.Collections.Concurrent.ConcurrentDictionary<long, long[]>();
        io[0] = ProcessIo();
        var pages = new System.Collections.Concurrent.ConcurrentDictionary<long, long[]>();
        long walPeak = 0;
        var clock = Stopwatch.StartNew();
        using (var index = postgres != null ? (SqlInstanceIndex)new PostgresInstanceIndex(postgres) : new SqliteInstanceIndex(dbFile, durable: true, checkpointPages, cacheKiB, writerFactor))
        {
            if (index is SqliteInstanceIndex opened)
            {
                var (written, missed) = opened.PageCounts();
                pages[0] = [written, missed, .. CheckpointerIo(), opened.Checkpoints];
            }
            using var writer = new IndexWriter(new NoFiles(), index, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            long n = 0;
            foreach (var record in data.Records())
            {
                writer.Enqueue(record, DuplicatePolicy.Replace, null);
                if (++n % Checkpoint != 0) continue;
                await writer.WaitAsync(CancellationToken.None);
                times[n] = clock.ElapsedTicks;
                if (n == window || n == count - window || n == count)
                {
                    cpu[n] = Environment.CpuUsage.TotalTime;
                    io[n] = ProcessIo();
                    if (index is SqliteInstanceIndex sqlite)
                    {
                        var (written, missed) = sqlite.PageCounts();
                        var checkpointer = CheckpointerIo();
                        pages[n] = [written, missed, checkpointer[0], checkpointer[1], sqlite.Checkpoints];
                    }
                }
                if (n % 10_000 == 0 && File.Exists(dbFile + "-wal")) walPeak = Math.Max(walPeak, new FileInfo(dbFile + "-wal").Length);
                if (n % 100_000 == 0) Console.Error.WriteLine($"  {n} inserted, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        var closed = clock.ElapsedTicks;
        double Rate(long from, long to) => (to - from) / ((times[to] - times[from]) / (double)Stopwatch.Frequency);
        var first = Rate(0, window);
        var last = Rate(count - window, count);
        Console.WriteLine($"insert: {count} in {times[count] / (double)Stopwatch.Frequency:F1} s; first {window}: {first:F0}/s, last {window}: {last:F0}/s, last/first {last / first:F2}");
        // Work a run could leave behind its clock: the close checkpoints what the WAL still holds into the file.
        Console.WriteLine($"  close (the writer's final checkpoint, not in the rates): {(closed - times[count]) / (double)Stopwatch.Frequency:F1} s");
        var cpuFirst = (cpu[window] - cpu[0]).TotalMicroseconds / window;
        var cpuLast = (cpu[count] - cpu[count - window]).TotalMicroseconds / window;
        Console.WriteLine($"  process CPU per insert (generation included): first {window}: {cpuFirst:F0} µs, last {window}: {cpuLast:F0} µs, last/first {cpuLast / cpuFirst:F2}");
        string Io(long from, long to) => string.Join(", ", IoFields.Select((f, i) => $"{f} {(io[to][i] - io[from][i]) / (double)window:F2}"));
        Console.WriteLine($"  per insert, first {window}: {Io(0, window)}; last {window}: {Io(count - window, count)} (/proc/self/io; bytes in KB)");
        if (pages.ContainsKey(count))
        {
            string Pages(long from, long to) => string.Join(", ", new[] { "WAL pages", "cache misses", "checkpointer syscr", "checkpointer syscw" }.Select((f, i) => $"{f} {(pages[to][i] - pages[from][i]) / (double)window:F2}"));
            Console.WriteLine($"  SQLite per insert, first {window}: {Pages(0, window)}; last {window}: {Pages(count - window, count)} (writer connection's db_status; checkpoint thread's /proc io)");
            Console.WriteLine($"  background checkpoints: first {window}: {pages[window][4] - pages[0][4]}, last {window}: {pages[count][4] - pages[count - window][4]}, in all {pages[count][4]}; WAL file at most {walPeak / 1048576.0:F0} MB (sampled every 10,000)");
        }
        Console.WriteLine($"  studies {data.Studies}, series {data.Series}, instances {count}");

        // Size (SQLite: the file after the last connection closed, which checkpoints the WAL into it).
        using var queryIndex = postgres != null ? (SqlInstanceIndex)new PostgresInstanceIndex(postgres) : new SqliteInstanceIndex(dbFile);
        long size;
        if (postgres != null)
        {
            await using var connection = new Npgsql.NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            size = (long)(await command.ExecuteScalarAsync())!;
        }
        else size = new FileInfo(dbFile).Length + (File.Exists(dbFile + "-wal") ? new FileInfo(dbFile + "-wal").Length : 0);
        Console.WriteLine($"index size: {size / 1048576.0:F1} MB, {size / (double)count:F0} bytes per instance{(postgres != null ? " (pg_database_size, whole database)" : "")}");

        // Queries: STUDY level, the keys a viewer's study list asks for.
        using var archive = new DicomArchive(new FileSystemInstanceStore(dir, flushToDisk: false), queryIndex, "BENCH");
        var queries = new (string Name, uint Tag, DicomVr Vr, string Value)[]
        {
            ("PatientID", DicomTags.PatientID, DicomVr.LO, data.SamplePatientId),
            ("PatientName SMITH*", DicomTags.PatientName, DicomVr.PN, "SMITH*"),
            ("PatientName SMITH^J*", DicomTags.PatientName, DicomVr.PN, "smith^j*"),
            ("StudyDate, one week", DicomTags.StudyDate, DicomVr.DA, "20230102-20230108"),
            ("StudyDate, one month", DicomTags.StudyDate, DicomVr.DA, "20230101-20230131"),
        };
        Console.WriteLine("| STUDY-level C-FIND | matches | median ms (wall) | min–max ms | median CPU ms | target (wall) | met? | index steps (plan) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, tag, vr, value) in queries)
        {
            var identifier = Identifier(tag, vr, value);
            var (level, conditions) = QueryTranslator.Translate(StudyFind, identifier);
            var plan = await queryIndex.ExplainQueryAsync(level, conditions, CancellationToken.None);
            var matches = 0;
            for (var w = 0; w < 2; w++) matches = await CountAsync(archive, identifier);
            var ms = new List<double>();
            var cpuMs = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var c0 = Environment.CpuUsage.TotalTime;
                var t = Stopwatch.StartNew();
                await CountAsync(archive, identifier);
                ms.Add(t.Elapsed.TotalMilliseconds);
                cpuMs.Add((Environment.CpuUsage.TotalTime - c0).TotalMilliseconds);
            }
            ms.Sort();
            cpuMs.Sort();
            var median = ms[ms.Count / 2];
            Console.WriteLine($"| {name} (`{value}`) | {matches} | {median:F1} | {ms[0]:F1}–{ms[^1]:F1} | {cpuMs[cpuMs.Count / 2]:F1} | < 50 | {(median < 50 ? "yes" : "no")} | {string.Join("; ", plan.Select(Squash))} |");
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static string Squash(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace("|", "/", StringComparison.Ordinal);

    private static async Task<int> CountAsync(DicomArchive archive, DicomDataset identifier)
    {
        var n = 0;
        await foreach (var _ in archive.FindAsync(StudyFind, identifier, CancellationToken.None)) n++;
        return n;
    }

    /// <summary>A study list's request: the matching key and the usual return keys.</summary>
    private static DicomDataset Identifier(uint matchTag, DicomVr matchVr, string value)
    {
        var id = new DicomDataset();
        void Set(uint tag, DicomVr vr, string v) => id.SetString(new DicomTag(tag), vr, v);
        Set(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY");
        Set(DicomTags.StudyDate, DicomVr.DA, "");
        Set(DicomTags.StudyTime, DicomVr.TM, "");
        Set(DicomTags.AccessionNumber, DicomVr.SH, "");
        Set(DicomTags.ModalitiesInStudy, DicomVr.CS, "");
        Set(DicomTags.StudyDescription, DicomVr.LO, "");
        Set(DicomTags.PatientName, DicomVr.PN, "");
        Set(DicomTags.PatientID, DicomVr.LO, "");
        Set(DicomTags.StudyInstanceUID, DicomVr.UI, "");
        Set(DicomTags.NumberOfStudyRelatedInstances, DicomVr.IS, "");
        Set(matchTag, matchVr, value);
        return id;
    }

    private static readonly string[] IoFields = ["syscr", "syscw", "rchar", "wchar"];

    /// <summary>The process's read/write system calls and KB read/written so far (rchar/wchar count page-cache hits too).</summary>
    private static long[] ProcessIo()
    {
        if (!File.Exists("/proc/self/io")) return new long[IoFields.Length];
        var fields = File.ReadAllLines("/proc/self/io").Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => long.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
        return [.. IoFields.Select(f => f.EndsWith("char", StringComparison.Ordinal) ? fields[f] / 1024 : fields[f])];
    }

    /// <summary>syscr and syscw of the index's checkpoint thread so far (0 before it exists).</summary>
    private static long[] CheckpointerIo()
    {
        var prefix = SqliteInstanceIndex.CheckpointThreadName[..15];
        foreach (var task in Directory.Exists("/proc/self/task") ? Directory.GetDirectories("/proc/self/task") : [])
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(prefix, StringComparison.Ordinal)) continue;
                var fields = File.ReadAllLines(Path.Combine(task, "io")).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => long.Parse(p[1].Trim(), CultureInfo.InvariantCulture));
                return [fields["syscr"], fields["syscw"]];
            }
            catch (IOException)
            {
            }
        }
        return [0, 0];
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>Deterministic synthetic patients: each has 1–5 studies (dates 2015–2024), each study 1–6 series of
    /// mixed modalities, the patient's instances (count / patients) spread over the series with skewed weights (a CT
    /// series holds many, an SR one few). UIDs start with a random component, so each insert lands at a random place
    /// of the primary-key B-trees. With <paramref name="seriesUids"/> a series' SOP Instance UIDs share a random
    /// prefix and end in the instance number, as devices commonly make them (a device, date or series part, then a
    /// counter): a series' inserts then land side by side, the series at random places.</summary>
    private sealed class Synthetic(long count, int patients, bool seriesUids)
    {
        private static readonly string[] Surnames =
        [
            "SMITH", "SMITHERS", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ",
            "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN", "LEE",
            "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS", "ROBINSON", "WALKER", "YOUNG",
            "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES", "GREEN", "ADAMS", "NELSON", "BAKER",
            "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "ROBERTS", "MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER",
            "WEBER", "MEYER", "WAGNER", "BECKER", "SCHULZ", "HOFFMANN", "DUPONT", "DURAND", "LEROY", "MOREAU", "ROSSI",
            "RUSSO", "FERRARI", "ESPOSITO", "BIANCHI", "ROMANO", "SATO", "SUZUKI", "TAKAHASHI", "TANAKA", "WATANABE", "KIM",
            "PARK", "CHOI", "WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "SINGH", "KUMAR",
            "PATEL", "SHARMA", "NOVAK", "KOWALSKI", "NOWAK", "JANSEN", "DEVRIES", "PETERS", "OLSEN",
        ];
        private static readonly string[] Given = ["JOHN", "MARY", "ANNA", "PETER", "MARIA", "JAMES", "LINDA", "DAVID", "SARA", "PAUL", "EMMA", "LUCA", "YUKI", "WEI"];
        private static readonly (string Modality, string SopClass)[] Kinds =
        [
            ("CT", DicomUids.CTImageStorage), ("MR", DicomUids.MRImageStorage), ("CR", DicomUids.ComputedRadiographyImageStorage),
            ("DX", DicomUids.DigitalXRayImageStorageForPresentation), ("US", DicomUids.UltrasoundImageStorage), ("SR", DicomUids.BasicTextSRStorage),
        ];

        public long Studies { get; private set; }
        public long Series { get; private set; }
        public string SamplePatientId => $"PID{patients / 2:D7}";

        private long _uid;
        private readonly Random _prefixes = new(21);

        private string Uid(Random rng) => $"1.2.826.0.1.3680043.10.1207.{rng.Next(1, 999_999_999)}.{++_uid}";

        public IEnumerable<InstanceRecord> Records()
        {
            var rng = new Random(20);
            var start = new DateOnly(2015, 1, 1);
            long emitted = 0;
            for (var p = 0; p < patients; p++)
            {
                var budget = count / patients + (p < count % patients ? 1 : 0);
                if (budget == 0) continue;
                var patientId = $"PID{p:D7}";
                var name = $"{Surnames[rng.Next(Surnames.Length)]}^{Given[rng.Next(Given.Length)]}";
                var birth = start.AddDays(-rng.Next(365 * 90)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                var sex = rng.Next(2) == 0 ? "F" : "M";
                // Series of the patient, grouped into studies.
                var studies = (int)Math.Min(budget, rng.Next(1, 6));
                var layout = new List<(int Study, (string Modality, string SopClass) Kind, double Weight)>();
                for (var s = 0; s < studies; s++)
                {
                    var series = rng.Next(1, 7);
                    for (var k = 0; k < series; k++)
                    {
                        var kind = Kinds[rng.Next(Kinds.Length)];
                        layout.Add((s, kind, kind.Modality is "CT" or "MR" ? 10 + rng.NextDouble() * 30 : 0.5 + rng.NextDouble() * 2));
                    }
                }
                if (layout.Count > budget) layout.RemoveRange((int)budget, layout.Count - (int)budget);
                // At least one instance per series, the rest by weight.
                var per = layout.Select(_ => 1L).ToArray();
                var rest = budget - layout.Count;
                var total = layout.Sum(l => l.Weight);
                for (var k = 0; k < layout.Count && rest > 0; k++)
                {
                    var add = Math.Min(rest, (long)Math.Floor((budget - layout.Count) * layout[k].Weight / total));
                    per[k] += add;
                    rest -= add;
                }
                per[0] += rest;
                var studyUids = Enumerable.Range(0, studies).Select(_ => Uid(rng)).ToArray();
                var studyDates = Enumerable.Range(0, studies).Select(_ => start.AddDays(rng.Next(3653)).ToString("yyyyMMdd", CultureInfo.InvariantCulture)).ToArray();
                Studies += layout.Select(l => l.Study).Distinct().Count();
                for (var k = 0; k < layout.Count; k++)
                {
                    var (s, kind, _) = layout[k];
                    var seriesUid = Uid(rng);
                    var seriesPrefix = seriesUids ? Uid(_prefixes) : "";
                    Series++;
                    for (var n = 1; n <= per[k]; n++)
                    {
                        // Drawn either way: the rest of the data stays the same for both UID models.
                        var random = Uid(rng);
                        var sop = seriesUids ? $"{seriesPrefix}.{n}" : random;
                        emitted++;
                        yield return new InstanceRecord
                        {
                            PatientId = patientId,
                            PatientName = name,
                            PatientBirthDate = birth,
                            PatientSex = sex,
                            StudyInstanceUid = studyUids[s],
                            StudyDate = studyDates[s],
                            StudyTime = $"{rng.Next(7, 19):D2}{rng.Next(60):D2}00",
                            AccessionNumber = $"A{p:D7}{s}",
                            StudyId = (s + 1).ToString(CultureInfo.InvariantCulture),
                            StudyDescription = kind.Modality + " examination",
                            SeriesInstanceUid = seriesUid,
                            Modality = kind.Modality,
                            SeriesNumber = (k + 1).ToString(CultureInfo.InvariantCulture),
                            SeriesDescription = kind.Modality + " series",
                            SopInstanceUid = sop,
                            SopClassUid = kind.SopClass,
                            InstanceNumber = n.ToString(CultureInfo.InvariantCulture),
                            TransferSyntaxUid = DicomUids.ExplicitVRLittleEndian,
                            RelativePath = $"{sop[^2..]}/{sop}.dcm",
                            Size = 520_000,
                        };
                    }
                }
            }
            if (emitted != count) throw new InvalidOperationException($"generated {emitted} instead of {count}");
        }
    }
}
