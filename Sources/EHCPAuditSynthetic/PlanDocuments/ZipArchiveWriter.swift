import Foundation
import ZIPFoundation

/// Builds a ZIP archive in memory: the container of `.docx` and `.odt` files.
///
/// Every entry carries the same fixed time (ZIP stores it as UTC fields), so the same
/// entries always give the same bytes.
enum ZipArchiveWriter {
    struct Entry {
        var path: String
        var text: String
        /// Stored as it is rather than deflated (an ODF `mimetype` must be).
        var stored = false
    }

    /// 1 June 2025, 12:00 UTC.
    static let modified = Date(timeIntervalSince1970: 1_748_779_200)

    static func archive(_ entries: [Entry]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.text.utf8)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: entry.stored ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }
}
