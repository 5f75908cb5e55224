namespace WijPlatform.Contracts;

/// <summary>A resident asked to be forgotten: every service erases or anonymises what it holds and confirms.</summary>
public sealed record ResidentErasureRequested(Guid ErasureId, Guid ResidentId);

public sealed record ResidentErased(Guid ErasureId, Guid ResidentId, string Service);
