using System.Buffers;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Corrupted command sets and PDV sequences give typed errors, never another exception.</summary>
public class MalformedInputTests
{
    [Theory]
    [MemberData(nameof(Messages.AllCommandFields), MemberType = typeof(Messages))]
    public void MutatedCommandSetsNeverCrashTheDecoder(CommandField field)
    {
        var valid = Messages.Filled(field).ToArray();
        var random = new Random((int)field);
        var rejected = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])valid.Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var length = random.Next(4) == 0 ? random.Next(bytes.Length) : bytes.Length;

            var ok = DimseMessage.TryDecode(new ReadOnlySequence<byte>(bytes, 0, length), out var message, out var errors);

            if (ok)
            {
                Assert.Empty(errors);
                Assert.NotNull(message);
            }
            else
            {
                rejected++;
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.StartsWith("PS3.", e.Citation));
            }
        }
        Assert.True(rejected > 0);
    }

    [Fact]
    public void RandomPdvSequencesGiveOnlyReassemblyErrors()
    {
        var random = new Random(1234);
        var commands = new[]
        {
            new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray(),
            new CStoreRq { MessageID = 2, AffectedSOPClassUID = "1.2", AffectedSOPInstanceUID = "1.3", Priority = Priority.High }.ToArray(),
        };
        var reassembler = new DimseReassembler(maxCommandSetLength: 4096);
        var errors = 0;
        for (var i = 0; i < 3000; i++)
        {
            var isCommand = random.Next(2) == 0;
            var payload = isCommand ? commands[random.Next(2)] : new byte[random.Next(0, 5) * 2 + random.Next(2)];
            if (isCommand && random.Next(3) == 0) payload = payload.AsSpan(0, random.Next(payload.Length / 2) * 2).ToArray();
            var pdv = new PdvFragment((byte)random.Next(1, 3), isCommand, random.Next(3) != 0, payload);
            try
            {
                reassembler.Accept(pdv);
            }
            catch (DimseReassemblyException e)
            {
                errors++;
                Assert.StartsWith("PS3.", e.Rule);
            }
        }
        Assert.True(errors > 0);
    }
}
