// FolderTreeModel: the window's own edits to folders (made, renamed, moved to the recycle bin, restored)
// brought into the tree.
#include "FolderTreeModel.h"

namespace koodrive::models {

void FolderTreeModel::readAgain()
{
    // Every folder whose sub-folders are shown is read again and brought in line in place (as a saved one
    // is): a folder renamed, gone or come back appears so without closing what is open.
    forEachNode([](Node *node) {
        if (node->listed && !node->call.isActive())
            node->saved = true;
    });
    refresh();
}

} // namespace koodrive::models
