// One import for everything ehcp-audit offers: the pure core, the built-in frameworks and
// rules, the readers and writers, sampling, the store and the report renderers.
// `RecordReader` (in this module) picks the right reader for a file name or content type,
// and `CriteriaSource` a built-in framework or a file for a name.
@_exported import EHCPAudit
@_exported import EHCPAuditBuiltIn
@_exported import EHCPAuditDocuments
@_exported import EHCPAuditFormats
@_exported import EHCPAuditReports
@_exported import EHCPAuditSampling
@_exported import EHCPAuditStore
@_exported import EHCPAuditXML
