import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { switchLang, useLang } from '../../shared/words.ts';

/** One button that offers the other language, labelled in that language so it can be found. */
export function LanguageSwitch() {
  const { isEn } = useLang();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => switchLang(isEn ? 'zh-CN' : 'en')}
      lang={isEn ? 'zh-CN' : 'en'}
      aria-label={isEn ? '切换到中文' : 'Switch to English'}
      data-testid="language-switch"
    >
      {isEn ? '中文' : 'English'}
    </Button>
  );
}
