namespace ServerlessEvents.Storage.Queues;

/// <summary>How message bodies are encoded on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Text is sent as-is (XML-escaped).</summary>
    None = 0,

    /// <summary>UTF-8 bytes, base64-encoded: what the Azure Functions queue trigger decodes by default.</summary>
    Base64 = 1,
}
