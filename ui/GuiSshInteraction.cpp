#include "GuiSshInteraction.h"
