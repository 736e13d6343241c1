import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Button, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import type { CoupleView } from '@trellis/contracts';
import { useState } from 'react';
import { useGetIdentity } from 'react-admin';
import { coupleExportUrl, couplePrintUrl } from './exportUrls';

/**
 * "Export": the couple's whole record as JSON, or as a printable page. Only the couple's own
 * therapist may export (the API answers 404 to anyone else, admins included), so nobody else
 * sees the menu.
 */
export const CoupleExportMenu = ({ couple }: { couple: CoupleView }) => {
  const { identity } = useGetIdentity();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const close = () => setAnchor(null);

  if (!identity || String(identity.id) !== couple.therapistId) return null;
  return (
    <>
      <Button
        id="couple-export-button"
        aria-haspopup="menu"
        aria-controls={open ? 'couple-export-menu' : undefined}
        aria-expanded={open}
        startIcon={<DownloadIcon />}
        endIcon={<ArrowDropDownIcon />}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        Export
      </Button>
      <Menu
        id="couple-export-menu"
        anchorEl={anchor}
        open={open}
        onClose={close}
        slotProps={{ list: { 'aria-labelledby': 'couple-export-button' } }}
      >
        <MenuItem component="a" href={coupleExportUrl(couple.id)} download onClick={close}>
          <ListItemIcon>
            <DownloadIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Download JSON" secondary="Homework, answers and signed notes, for your files" />
        </MenuItem>
        <MenuItem component="a" href={couplePrintUrl(couple.id)} target="_blank" rel="noopener" onClick={close}>
          <ListItemIcon>
            <PrintIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="Printable record" secondary="Opens in a new tab" />
        </MenuItem>
      </Menu>
    </>
  );
};
