import EHCPAuditDocuments
import FuzzSupport

/// Any bytes, read as a plan document: the first byte picks what the rest are. 0–3: a whole
/// `.docx`, `.odt`, `.md` or `.txt` file; 4 and 5: the XML of `word/document.xml` or
/// `content.xml`, put in a stored (uncompressed) ZIP here, so that mutations reach the XML
/// readers rather than dying in the inflater. Read or refused, never a crash, hang or leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    switch data[0] % 6 {
    case 0: _ = try? PlanDocumentReader.read(bytes: rest, fileName: "fuzz.docx")
    case 1: _ = try? PlanDocumentReader.read(bytes: rest, fileName: "fuzz.odt")
    case 2: _ = try? PlanDocumentReader.read(bytes: rest, fileName: "fuzz.md")
    case 3: _ = try? PlanDocumentReader.read(bytes: rest, fileName: "fuzz.txt")
    case 4: _ = try? PlanDocumentReader.read(bytes: storedZIP("word/document.xml", rest), fileName: "fuzz.docx")
    default: _ = try? PlanDocumentReader.read(bytes: storedZIP("content.xml", rest), fileName: "fuzz.odt")
    }
    return 0
}

/// A ZIP archive holding one uncompressed entry.
func storedZIP(_ name: String, _ bytes: [UInt8]) -> [UInt8] {
    func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }
    let path = Array(name.utf8)
    let sizes = le32(0) + le32(bytes.count) + le32(bytes.count) + le16(path.count) + le16(0)
    let local = le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le32(0) + sizes + path + bytes
    let central =
        le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le32(0) + sizes + le16(0) + le16(0) + le16(0)
        + le32(0) + le32(0) + path
    return local + central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(central.count)
        + le32(local.count) + le16(0)
}

@_cdecl("FuzzPlanDocuments_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzz(data!, size) }
}
