using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>A C-ECHO performer (PS3.7 9.1.5); returns the status.</summary>
public interface ICEchoHandler
{
    Task<ushort> OnCEchoAsync(DimseRequestContext request, CEchoRq echo, CancellationToken cancellationToken);
}

/// <summary>A C-STORE performer (PS3.7 9.1.1): reads the data set from <see cref="DimseRequestContext.DataSet"/>, returns the status.</summary>
public interface ICStoreHandler
{
    Task<ushort> OnCStoreAsync(DimseRequestContext request, CStoreRq store, CancellationToken cancellationToken);
}

/// <summary>A C-FIND performer (PS3.7 9.1.2): sends its pending and final responses itself.</summary>
public interface ICFindHandler
{
    Task OnCFindAsync(DimseRequestContext request, CFindRq find, CancellationToken cancellationToken);
}

/// <summary>A C-MOVE performer (PS3.7 9.1.4): sends its pending and final responses itself.</summary>
public interface ICMoveHandler
{
    Task OnCMoveAsync(DimseRequestContext request, CMoveRq move, CancellationToken cancellationToken);
}

/// <summary>A C-GET performer (PS3.7 9.1.3): sends its C-STORE sub-operations and responses itself.</summary>
public interface ICGetHandler
{
    Task OnCGetAsync(DimseRequestContext request, CGetRq get, CancellationToken cancellationToken);
}

/// <summary>An N-EVENT-REPORT receiver (PS3.7 10.1.1); the registry sends the response.</summary>
public interface INEventReportHandler
{
    Task<NormalizedResult> OnNEventReportAsync(NormalizedRequest<NEventReportRq> request, CancellationToken cancellationToken);
}

/// <summary>An N-GET performer (PS3.7 10.1.2).</summary>
public interface INGetHandler
{
    Task<NormalizedResult> OnNGetAsync(NormalizedRequest<NGetRq> request, CancellationToken cancellationToken);
}

/// <summary>An N-SET performer (PS3.7 10.1.3).</summary>
public interface INSetHandler
{
    Task<NormalizedResult> OnNSetAsync(NormalizedRequest<NSetRq> request, CancellationToken cancellationToken);
}

/// <summary>An N-ACTION performer (PS3.7 10.1.4).</summary>
public interface INActionHandler
{
    Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken);
}

/// <summary>An N-CREATE performer (PS3.7 10.1.5).</summary>
public interface INCreateHandler
{
    Task<NormalizedResult> OnNCreateAsync(NormalizedRequest<NCreateRq> request, CancellationToken cancellationToken);
}

/// <summary>An N-DELETE performer (PS3.7 10.1.6).</summary>
public interface INDeleteHandler
{
    Task<NormalizedResult> OnNDeleteAsync(NormalizedRequest<NDeleteRq> request, CancellationToken cancellationToken);
}
