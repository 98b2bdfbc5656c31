#ifndef EHCP_AUDIT_CLIBXML2_SHIM_H
#define EHCP_AUDIT_CLIBXML2_SHIM_H

/* libxml2 built with ICU pulls in the system's <unicode/ucnv.h>, whose enums clash with
   the ICU copy inside Foundation. Nothing here uses libxml2's ICU converter structs (only
   pointers to them change the layout of xmlCharEncodingHandler, which Swift never reads),
   so leave them out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

/* xmlFree is a global function-pointer variable, which Swift 6 refuses as shared mutable
   state; call it through a function instead. */
static inline void ehcp_xml_free(void *pointer) { xmlFree(pointer); }

/* An external entity loader that loads nothing: no DTD, entity or XInclude is ever
   fetched from the file system or the network on behalf of a document. */
static inline xmlParserInputPtr ehcp_refuse_external_entity(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    return NULL;
}

/* Called once per process (from a Swift `static let`, which runs exactly once even when
   threads race): libxml2 2.9 must be initialised before threads use it, or two parsers
   starting at once can deadlock in its lazily made globals. */
static inline void ehcp_install_refusing_entity_loader(void) {
    xmlInitParser();
    xmlSetExternalEntityLoader(ehcp_refuse_external_entity);
}

#endif
