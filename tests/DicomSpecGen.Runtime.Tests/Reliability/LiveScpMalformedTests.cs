using System.Buffers.Binary;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Fuzz;
using DicomSpecGen.Protocol;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Mutated PDUs sent over TCP to our running SCP: each one the parser rejects is answered with an
/// A-ABORT carrying the parser's reason, and the server keeps serving a well-behaved association meanwhile.</summary>
public class LiveScpMalformedTests
{
    private static List<byte[]> Mutated(int count, int seed, Func<byte[], bool> keep, Action<byte[]>? fix = null, List<byte[]>? seeds = null)
    {
        var mutator = new PduMutator(seeds ?? FuzzSeeds.Load(TestPaths.Corpus("pdu")), new Random(seed));
        var list = new List<byte[]>();
        for (var i = 0; i < 200_000 && list.Count < count; i++)
        {
            var bytes = mutator.Next();
            fix?.Invoke(bytes);
            // Only inputs whose PDU-length matches what is sent: a shorter body is a stall, tested separately.
            if (bytes.Length < 6 || BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(2)) != bytes.Length - 6) continue;
            if (keep(bytes)) list.Add(bytes);
        }
        return list;
    }

    /// <summary>A client echoing on its own association for as long as the attack runs; returns the echo count.</summary>
    private static async Task<int> EchoWhileAsync(int port, Task attack)
    {
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(port));
        var echoes = 0;
        while (!attack.IsCompleted)
        {
            Assert.Equal(0, await client.EchoAsync());
            echoes++;
        }
        await client.ReleaseAsync();
        return echoes;
    }

    private static async Task WaitIdleAsync(DicomSpecGen.Services.Scp.DicomServer server)
    {
        for (var i = 0; i < 100 && server.ActiveAssociations > 0; i++) await Task.Delay(50);
        Assert.Equal(0, server.ActiveAssociations);
    }

    [Theory]
    [InlineData(DulEngine.Generated, 120)]
    [InlineData(DulEngine.Interpreted, 40)]
    public async Task Rejected_pdus_in_an_association_are_aborted_with_the_parser_reason(DulEngine engine, int count)
    {
        var inputs = Mutated(count, 11, b => PduFuzzTarget.Run(b).Kind == FuzzOutcomeKind.Rejected);
        Assert.Equal(count, inputs.Count);
        // An aborted association frees its slot only after the SCP has seen the close, while the echo loop runs
        // beside the attack: 4 slots left no margin (one clean-clone run got A-ASSOCIATE-RJ for the 40th attack).
        await using var server = Loopback.StartServer(Loopback.Acceptor(engine: engine, maxAssociations: 8));

        var attack = Task.Run(async () =>
        {
            foreach (var input in inputs)
            {
                var expected = PduFuzzTarget.Run(input).Reason;
                await using var peer = await RawPeer.AssociateAsync(server.Port);
                await peer.SendAsync(input);
                var answer = await peer.ReadPduAsync(TimeSpan.FromSeconds(10));
                var abort = Assert.IsType<AAbort>(answer);
                Assert.True(abort.Source == AbortSource.ServiceProvider && abort.Reason == expected,
                    $"{Convert.ToHexString(input)}: expected provider abort {expected}, got {abort.Source} {abort.Reason}");
                // The server closes after the abort (Sta13 ends on the close; we do not close first).
                await peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
            }
        });
        var echoes = await EchoWhileAsync(server.Port, attack);
        await attack;
        Assert.True(echoes > 0);
        await WaitIdleAsync(server);

        // Still serving afterwards.
        await using var after = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with { Engine = engine });
        Assert.Equal(0, await after.EchoAsync());
        await after.ReleaseAsync();
    }

    [Fact]
    public async Task Mutated_associate_requests_get_an_ac_rj_or_abort_and_the_server_keeps_serving()
    {
        // Mutations of A-ASSOCIATE-RQs (ours and DCMTK's, called AE set to the server's) kept as type 0x01:
        // what parses is answered AC or RJ, what does not is aborted. The peer closes after the answer, as a
        // requestor does after an A-ASSOCIATE-RJ or A-ABORT.
        var ours = PduFuzzTarget.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(104)));
        var seeds = Directory.GetFiles(TestPaths.Corpus("pdu"), "*-rq-01.bin").Select(File.ReadAllBytes).Append(ours).ToList();
        foreach (var seed in seeds) "DSGSCP          "u8.CopyTo(seed.AsSpan(10));
        var inputs = Mutated(150, 12, b => true, b =>
        {
            if (b.Length < 6) return;
            b[0] = 0x01;
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(2), (uint)(b.Length - 6));
        }, seeds);
        Assert.Equal(150, inputs.Count);
        await using var server = Loopback.StartServer(Loopback.Acceptor(maxAssociations: 4));
        int accepted = 0, rejected = 0, aborted = 0;
        var attack = Task.Run(async () =>
        {
            foreach (var input in inputs)
            {
                var parsed = PduFuzzTarget.Run(input).Kind == FuzzOutcomeKind.Parsed;
                await using var peer = await RawPeer.ConnectAsync(server.Port);
                await peer.SendAsync(input);
                var answer = await peer.ReadPduAsync(TimeSpan.FromSeconds(10));
                switch (answer)
                {
                    case AAssociateAc when parsed:
                        accepted++;
                        await peer.SendAsync(PduFuzzTarget.Encode(new AReleaseRq()));
                        Assert.IsType<AReleaseRp>(await peer.ReadPduAsync(TimeSpan.FromSeconds(10)));
                        break;
                    case AAssociateRj when parsed:
                        rejected++;
                        break;
                    case AAbort when !parsed:
                        aborted++;
                        break;
                    default:
                        Assert.Fail($"{Convert.ToHexString(input)} (parses: {parsed}) was answered with {answer?.Title ?? "a close"}");
                        break;
                }
            }
        });
        var echoes = await EchoWhileAsync(server.Port, attack);
        await attack;
        Assert.True(echoes > 0);
        // The mutations reach every branch.
        Assert.True(accepted > 0 && rejected > 0 && aborted > 0, $"AC {accepted}, RJ {rejected}, AA {aborted}");
        await WaitIdleAsync(server);
    }
}
