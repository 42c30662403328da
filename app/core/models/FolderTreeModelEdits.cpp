// FolderTreeModel: the window's own edits to folders (made, renamed, moved to the recycle bin, restored)
// brought into the tree.
#include "FolderTreeModel.h"

namespace koodrive::models {

void FolderTreeModel::readAgain()
{
    // Every folder whose sub-folders are shown is read again and brought in line in place (as a saved one
    // is): a folder renamed, gone or come back appears so without closing what is open.
    std::vector<Node *> stack;
    for (const auto &space : m_root.children)
        stack.push_back(space.get());
    while (!stack.empty()) {
        Node *node = stack.back();
        stack.pop_back();
        if (node->listed && !node->call.isActive())
            node->saved = true;
        for (const auto &child : node->children)
            stack.push_back(child.get());
    }
    refresh();
}

} // namespace koodrive::models
