namespace ServerlessEvents.Storage;

/// <summary>Protocol constants shared by the table and queue clients.</summary>
internal static class StorageConstants
{
    /// <summary>Pinned REST version: accepted by Azure and equal to Azurite 3.35.0's baseline.</summary>
    public const string ServiceVersion = "2025-11-05";

    /// <summary>OAuth scope for Azure Storage data-plane access.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string DevAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented by Microsoft).</summary>
    public const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string DevQueueEndpoint = "http://127.0.0.1:10001/devstoreaccount1";
    public const string DevTableEndpoint = "http://127.0.0.1:10002/devstoreaccount1";

    public const string MsDate = "x-ms-date";
    public const string MsVersion = "x-ms-version";
    public const string ErrorCodeHeader = "x-ms-error-code";
}
