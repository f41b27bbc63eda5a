using System.Buffers;
using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>The A-ASSOCIATE-RQ built from the options carries every negotiation item, through the generated codec.</summary>
public class RequestBuilderTests
{
    [Fact]
    public void Options_round_trip_through_the_wire_into_what_the_acceptor_sees()
    {
        var options = new RequestorOptions
        {
            Host = "h",
            Port = 1,
            CallingAeTitle = "CALLER",
            CalledAeTitle = "CALLED",
            PresentationContexts =
            [
                new(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: true, ScpRole: true),
                new(3, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
            ],
            AsyncOperationLimits = new AsyncOperationLimits(4, 2),
            UserIdentity = new UserIdentityOptions(UserIdentityType.UsernameAndPasscode, "alice", "secret", PositiveResponseRequested: true),
            ExtendedNegotiation = [new ExtendedNegotiation(DicomUids.CTImageStorage, new byte[] { 1, 0, 1 })],
            Transport = new Transport.TransportOptions { MaxPDataPduLength = 65536 },
        };
        var buffer = new ArrayBufferWriter<byte>();
        AssociateRequestBuilder.Build(options).Write(buffer);
        var decoded = Assert.IsType<AAssociateRq>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(buffer.WrittenMemory)));
        var info = AssociateRequestInfo.From(decoded);
        Assert.Equal("CALLER", info.CallingAeTitle);
        Assert.Equal("CALLED", info.CalledAeTitle);
        Assert.Equal(AssociateRequestInfo.DicomApplicationContext, info.ApplicationContextName);
        Assert.Equal(65536u, info.MaximumLength);
        Assert.Equal(new AsyncOperationLimits(4, 2), info.AsyncOperationLimits);
        Assert.Equal(options.UserIdentity, info.UserIdentity);
        Assert.Equal([1, 0, 1], Assert.Single(info.ExtendedNegotiation).ServiceClassApplicationInformation.ToArray());
        Assert.Equal(2, info.Contexts.Count);
        Assert.Equal(options.PresentationContexts[0].TransferSyntaxes, info.Contexts[0].TransferSyntaxes);
        Assert.True(info.Contexts[0].ScuRole);
        Assert.True(info.Contexts[0].ScpRole);
        Assert.Null(info.Contexts[1].ScpRole);
        Assert.Equal(options.ImplementationClassUid, info.ImplementationClassUid);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0)]
    public void Even_or_zero_context_ids_are_refused(byte id)
    {
        var options = new RequestorOptions { Host = "h", Port = 1, PresentationContexts = [new(id, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])] };
        Assert.Contains("PS3.8 9.3.2.2", Assert.Throws<ArgumentException>(() => AssociateRequestBuilder.Build(options)).Message);
    }

    [Theory]
    [SpecRow("PS3.8 Table 9-11")]
    [InlineData("ÄRZTE", "U+00C4")]
    [InlineData("A\\B", "U+005C")]
    [InlineData("TAB\tAE", "U+0009")]
    public void An_AE_title_outside_its_repertoire_is_refused_before_connecting_not_sent_as_question_marks(string title, string character)
    {
        var options = new RequestorOptions { Host = "h", Port = 1, CallingAeTitle = title, PresentationContexts = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])] };
        var message = Assert.Throws<ArgumentException>(() => AssociateRequestBuilder.Build(options)).Message;
        Assert.Contains("calling AE title", message);
        Assert.Contains(character, message);
        Assert.Contains("PS3.5 Table 6.2-1", message);
    }

    [Theory]
    [SpecRow("PS3.8 Table 9-11")]
    [InlineData("")]
    [InlineData("      ")]
    public void An_empty_called_AE_title_is_refused(string title)
    {
        var options = new RequestorOptions { Host = "h", Port = 1, CalledAeTitle = title, PresentationContexts = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])] };
        var message = Assert.Throws<ArgumentException>(() => AssociateRequestBuilder.Build(options)).Message;
        Assert.Contains("called AE title", message);
        Assert.Contains("is empty or all spaces", message);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    public void A_too_long_AE_title_is_refused_before_connecting()
    {
        var options = new RequestorOptions { Host = "h", Port = 1, CallingAeTitle = "ABCDEFGHIJKLMNOPQ", PresentationContexts = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])] };
        var message = Assert.Throws<ArgumentException>(() => AssociateRequestBuilder.Build(options)).Message;
        Assert.Contains("calling AE title", message);
        Assert.Contains("has 17 characters; an AE title has at most 16", message);
    }
}
