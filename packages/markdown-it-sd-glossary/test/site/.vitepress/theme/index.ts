import DefaultTheme from 'vitepress/theme';
import '../../../../tooltip.css';

export default DefaultTheme;
