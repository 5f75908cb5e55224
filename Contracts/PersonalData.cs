namespace WijPlatform.Contracts;

/// <summary>
/// A message field that holds personal data: a name, an address, a phone number, or a free text about
/// a resident or a volunteer. It leaves a service only encrypted with the services' field key
/// (ServiceDefaults' FieldCipher), so the broker's files, error queues and replays never show it in
/// clear text, and it is taken out of the outbox row as soon as the message is sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
